package dev.greenlight.local.aws.cloudwatch;

import java.time.Instant;

/** An alarm's statistic for one period; {@code value} is null when the period has no data. */
record PeriodValue(Instant start, Double value, double sampleCount) {

    static PeriodValue missing(Instant start) {
        return new PeriodValue(start, null, 0);
    }

    boolean isMissing() {
        return value == null;
    }
}
