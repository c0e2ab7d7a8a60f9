package dev.greenlight.local.aws.cloudwatch;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * One MetricDatum as stored. {@code values} holds the raw values when the datum gave them
 * (Value, or Values and Counts); a datum given as StatisticValues has none, and then no
 * percentile can be computed over a period that contains it, as in CloudWatch.
 */
record Observation(Instant timestamp, SampleStatistics statistics, List<WeightedValue> values, StandardUnit unit) {

    boolean hasRawValues() {
        return !values.isEmpty();
    }
}
