package dev.greenlight.local.aws.cloudwatch;

/** SampleCount, Sum, Minimum and Maximum of some samples: what CloudWatch keeps for every period. */
record SampleStatistics(double sampleCount, double sum, double minimum, double maximum) {

    /** {@code count} samples of {@code value}, as PutMetricData's Values and Counts describe them. */
    static SampleStatistics of(double value, double count) {
        return new SampleStatistics(count, value * count, value, value);
    }

    SampleStatistics merge(SampleStatistics other) {
        return new SampleStatistics(sampleCount + other.sampleCount, sum + other.sum,
                Math.min(minimum, other.minimum), Math.max(maximum, other.maximum));
    }

    double average() {
        return sum / sampleCount;
    }
}
