package dev.greenlight.local.aws.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * PutMetricData's validation (API reference, PutMetricData and MetricDatum): a whole request is
 * checked before anything is stored, so a refused request stores nothing.
 */
final class MetricDataRules {

    static final int MAX_DATUMS = 1000;
    static final int MAX_DIMENSIONS = 30;
    static final int MAX_VALUES = 150;
    /** 2^360, the largest magnitude a datum may have. */
    static final double LARGEST = Math.scalb(1.0, 360);
    /** "CloudWatch accepts metric data points with time stamps as old as two weeks and up to two hours into the future." */
    static final Duration MAX_AGE = Duration.ofDays(14);
    static final Duration MAX_AHEAD = Duration.ofHours(2);

    /** A datum accepted for storage. */
    record Accepted(MetricKey key, Observation observation) {
    }

    private MetricDataRules() {
    }

    static List<Accepted> check(PutMetricDataRequest request, Instant now) {
        String namespace = request.namespace();
        if (namespace == null || namespace.isEmpty()) {
            throw CloudWatchErrors.missingParameter("Namespace");
        }
        if (namespace.startsWith("AWS/")) {
            throw CloudWatchErrors.invalidParameterValue(
                    "The value " + namespace + " for parameter Namespace is invalid.");
        }
        if (!request.hasMetricData() || request.metricData().isEmpty()) {
            throw CloudWatchErrors.missingParameter("MetricData");
        }
        return checkData(namespace, request.metricData(), now);
    }

    /** The data itself, for any namespace: AWS services publish into their own {@code AWS/} namespaces. */
    static List<Accepted> checkData(String namespace, List<MetricDatum> data, Instant now) {
        if (data.size() > MAX_DATUMS) {
            throw CloudWatchErrors.invalidParameterValue("The collection MetricData must not have a size greater than "
                    + MAX_DATUMS + ".");
        }
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            accepted.add(check(namespace, data.get(i), "MetricData.member." + (i + 1), now));
        }
        return accepted;
    }

    private static Accepted check(String namespace, MetricDatum datum, String path, Instant now) {
        if (datum.metricName() == null || datum.metricName().isEmpty()) {
            throw CloudWatchErrors.missingParameter(path + ".MetricName");
        }
        checkDimensions(datum.dimensions(), path);
        checkStorageResolution(datum.storageResolution(), path);
        Instant timestamp = datum.timestamp() == null ? now : datum.timestamp();
        checkTimestamp(timestamp, now, path);
        List<WeightedValue> values = values(datum, path);
        SampleStatistics statistics = datum.statisticValues() != null
                ? statisticSet(datum.statisticValues(), path)
                : values.stream().map(v -> SampleStatistics.of(v.value(), v.count()))
                        .reduce(SampleStatistics::merge).orElseThrow();
        StandardUnit unit = datum.unit() == null ? StandardUnit.NONE : datum.unit();
        if (unit == StandardUnit.UNKNOWN_TO_SDK_VERSION) {
            throw CloudWatchErrors.invalidParameterValue("The value " + datum.unitAsString() + " for parameter "
                    + path + ".Unit is invalid.");
        }
        return new Accepted(new MetricKey(namespace, datum.metricName(), datum.dimensions()),
                new Observation(timestamp, statistics, values, unit));
    }

    private static void checkDimensions(List<Dimension> dimensions, String path) {
        if (dimensions.size() > MAX_DIMENSIONS) {
            throw CloudWatchErrors.invalidParameterValue("The collection " + path
                    + ".Dimensions must not have a size greater than " + MAX_DIMENSIONS + ".");
        }
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension dimension = dimensions.get(i);
            String at = path + ".Dimensions.member." + (i + 1);
            if (dimension.name() == null || dimension.name().isEmpty()) {
                throw CloudWatchErrors.missingParameter(at + ".Name");
            }
            if (dimension.value() == null || dimension.value().isEmpty()) {
                throw CloudWatchErrors.missingParameter(at + ".Value");
            }
        }
        if (dimensions.stream().map(Dimension::name).distinct().count() < dimensions.size()) {
            throw CloudWatchErrors.invalidParameterValue("No Metric may specify the same dimension name twice ("
                    + path + ".Dimensions).");
        }
    }

    private static void checkStorageResolution(Integer resolution, String path) {
        if (resolution != null && resolution != 1 && resolution != 60) {
            throw CloudWatchErrors.invalidParameterValue("The value " + resolution + " for parameter " + path
                    + ".StorageResolution is invalid. Valid values are 1 and 60.");
        }
    }

    private static void checkTimestamp(Instant timestamp, Instant now, String path) {
        if (timestamp.isBefore(now.minus(MAX_AGE))) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + path
                    + ".Timestamp must specify a time no more than two weeks in the past.");
        }
        if (timestamp.isAfter(now.plus(MAX_AHEAD))) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + path
                    + ".Timestamp must specify a time no more than two hours in the future.");
        }
    }

    /** The raw values of a datum: Value, or Values with their Counts; none for StatisticValues. */
    private static List<WeightedValue> values(MetricDatum datum, String path) {
        boolean hasValues = datum.hasValues() && !datum.values().isEmpty();
        int forms = (datum.value() != null ? 1 : 0) + (hasValues ? 1 : 0) + (datum.statisticValues() != null ? 1 : 0);
        if (forms > 1) {
            throw CloudWatchErrors.invalidParameterCombination("The parameters " + path + ".Value, " + path
                    + ".Values and " + path + ".StatisticValues are mutually exclusive and you have specified more"
                    + " than one.");
        }
        if (forms == 0) {
            throw CloudWatchErrors.missingParameter(path + ".Value");
        }
        if (datum.value() != null) {
            return List.of(new WeightedValue(finite(datum.value(), path + ".Value"), 1));
        }
        return hasValues ? weightedValues(datum, path) : List.of();
    }

    private static List<WeightedValue> weightedValues(MetricDatum datum, String path) {
        List<Double> values = datum.values();
        if (values.size() > MAX_VALUES) {
            throw CloudWatchErrors.invalidParameterValue("The collection " + path
                    + ".Values must not have a size greater than " + MAX_VALUES + ".");
        }
        boolean hasCounts = datum.hasCounts() && !datum.counts().isEmpty();
        if (hasCounts && datum.counts().size() != values.size()) {
            throw CloudWatchErrors.invalidParameterValue("The parameters " + path + ".Values and " + path
                    + ".Counts must be of the same size.");
        }
        List<WeightedValue> weighted = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double value = finite(values.get(i), path + ".Values.member." + (i + 1));
            double count = hasCounts ? finite(datum.counts().get(i), path + ".Counts.member." + (i + 1)) : 1;
            if (count <= 0) {
                throw CloudWatchErrors.invalidParameterValue("The value " + count + " for parameter " + path
                        + ".Counts.member." + (i + 1) + " is invalid.");
            }
            weighted.add(new WeightedValue(value, count));
        }
        return weighted;
    }

    private static SampleStatistics statisticSet(StatisticSet given, String path) {
        String at = path + ".StatisticValues";
        if (given.sampleCount() == null) {
            throw CloudWatchErrors.missingParameter(at + ".SampleCount");
        }
        if (given.sum() == null) {
            throw CloudWatchErrors.missingParameter(at + ".Sum");
        }
        if (given.minimum() == null) {
            throw CloudWatchErrors.missingParameter(at + ".Minimum");
        }
        if (given.maximum() == null) {
            throw CloudWatchErrors.missingParameter(at + ".Maximum");
        }
        double count = finite(given.sampleCount(), at + ".SampleCount");
        double minimum = finite(given.minimum(), at + ".Minimum");
        double maximum = finite(given.maximum(), at + ".Maximum");
        if (count <= 0) {
            throw CloudWatchErrors.invalidParameterValue("The value " + count + " for parameter " + at
                    + ".SampleCount is invalid.");
        }
        if (minimum > maximum) {
            throw CloudWatchErrors.invalidParameterCombination("The parameter " + at
                    + ".Minimum must be less than or equal to the parameter " + at + ".Maximum.");
        }
        return new SampleStatistics(count, finite(given.sum(), at + ".Sum"),
                minimum, maximum);
    }

    /**
     * "CloudWatch rejects values that are either too small or too large. Values must be in the range of
     * -2^360 to 2^360. In addition, special values (for example, NaN, +Infinity, -Infinity) are not
     * supported." The refusal's wording is not published; this is CloudWatch's usual one for a bad value.
     */
    private static double finite(Double value, String parameter) {
        if (value.isNaN() || value.isInfinite() || Math.abs(value) > LARGEST) {
            throw CloudWatchErrors.invalidParameterValue("The value " + value + " for parameter " + parameter
                    + " is invalid.");
        }
        return value;
    }
}
