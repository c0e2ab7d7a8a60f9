package dev.greenlight.local.aws.cloudwatch;

/** One raw value and how many times it was observed; percentiles are computed from these. */
record WeightedValue(double value, double count) {
}
