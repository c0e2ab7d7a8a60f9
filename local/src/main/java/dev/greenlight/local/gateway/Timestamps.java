package dev.greenlight.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The timestamp forms of the AWS protocols: epoch seconds, ISO-8601 and RFC-822 (HTTP dates). */
final class Timestamps {

    private Timestamps() {
    }

    /** Epoch seconds with millisecond precision, as awsJson and restJson bodies carry them. */
    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
    }

    static String iso8601(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Reads any of the forms: a number of epoch seconds, or text in one of the three forms. */
    static Instant parse(JsonNode node) {
        if (node.isNumber()) {
            return fromEpochSeconds(node.decimalValue());
        }
        String text = node.asText().trim();
        try {
            return fromEpochSeconds(new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
            return parseText(text);
        }
    }

    private static Instant parseText(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notIso) {
            return OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        }
    }

    private static Instant fromEpochSeconds(BigDecimal seconds) {
        long whole = seconds.longValue();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole, nanos);
    }
}
