package dev.greenlight.local.aws.cloudwatch;

import java.time.Duration;
import java.time.Instant;

/**
 * The time range and period of a metric query. High-resolution periods are 1, 5, 10, 20 or 30
 * seconds; standard ones are multiples of 60. The start is rounded down to the period for
 * high-resolution queries and to the minute otherwise, as CloudWatch rounds it.
 */
record QueryWindow(Instant start, Instant end, Duration period) {

    static final int MAX_DATAPOINTS = 1440;

    static boolean isValidPeriod(int seconds) {
        return switch (seconds) {
            case 1, 5, 10, 20, 30 -> true;
            default -> seconds > 0 && seconds % 60 == 0;
        };
    }

    /** Checks the range and period; {@code periodParameter} names the period in messages. */
    static QueryWindow of(Instant start, Instant end, int periodSeconds, String periodParameter) {
        if (!isValidPeriod(periodSeconds)) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + periodParameter
                    + " must be 1, 5, 10, 20, 30, or a multiple of 60.");
        }
        if (!start.isBefore(end)) {
            throw CloudWatchErrors.invalidParameterValue(
                    "The parameter StartTime must be less than the parameter EndTime.");
        }
        long alignment = Math.min(periodSeconds, 60);
        Instant aligned = Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), alignment) * alignment);
        return new QueryWindow(aligned, end, Duration.ofSeconds(periodSeconds));
    }

    /** How many periods the range covers, counting a partial last one. */
    long datapoints() {
        long span = Duration.between(start, end).getSeconds();
        return (span + period.getSeconds() - 1) / period.getSeconds();
    }
}
