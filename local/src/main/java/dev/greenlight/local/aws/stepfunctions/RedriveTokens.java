package dev.greenlight.local.aws.stepfunctions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * RedriveExecution's clientToken (API reference): the answer is idempotent for the last 10 client
 * tokens that redrove the execution, each for 15 minutes after its first use. A token seen again
 * answers the redrive date it got then, and redrives nothing.
 */
final class RedriveTokens {

    static final int KEPT = 10;
    static final Duration VALID_FOR = Duration.ofMinutes(15);

    private record Used(String token, Instant firstUsed, Instant redriveDate) {
    }

    private final Deque<Used> used = new ArrayDeque<>();

    /** The redrive date this token already got, if it is still one of the remembered ones. */
    synchronized Optional<Instant> answered(String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        return used.stream().filter(entry -> entry.token().equals(token))
                .filter(entry -> now.isBefore(entry.firstUsed().plus(VALID_FOR)))
                .map(Used::redriveDate).findFirst();
    }

    synchronized void redrove(String token, Instant now, Instant redriveDate) {
        if (token == null) {
            return;
        }
        used.addFirst(new Used(token, now, redriveDate));
        while (used.size() > KEPT) {
            used.removeLast();
        }
    }
}
