package dev.greenlight.local.asl.choice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Timestamps as the spec defines them: "the RFC3339 profile of ISO 8601, with the further restrictions
 * that an uppercase 'T' character MUST be used to separate date and time, and an uppercase 'Z' character
 * MUST be present in the absence of a numeric time zone offset".
 */
final class Timestamps {

    // java.time alone is too lenient: it folds case and lets seconds and the offset's colon go missing.
    private static final Pattern RFC3339 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private Timestamps() {
    }

    /** The instant {@code text} names, or empty when it is not such a timestamp. */
    static Optional<Instant> parse(String text) {
        if (!RFC3339.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
