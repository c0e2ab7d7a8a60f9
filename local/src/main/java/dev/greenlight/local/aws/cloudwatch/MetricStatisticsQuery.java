package dev.greenlight.local.aws.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** GetMetricStatistics: one metric's statistics per period over a time range. */
final class MetricStatisticsQuery {

    private static final int MAX_STATISTICS = 5;
    private static final int MAX_EXTENDED = 10;

    private MetricStatisticsQuery() {
    }

    static GetMetricStatisticsResponse answer(GetMetricStatisticsRequest request, MetricStore store) {
        requireAll(request);
        List<String> statistics = statistics(request);
        QueryWindow window = QueryWindow.of(request.startTime(), request.endTime(), request.period(), "Period");
        if (window.datapoints() > QueryWindow.MAX_DATAPOINTS) {
            throw CloudWatchErrors.invalidParameterCombination(String.format("You have requested up to %,d"
                    + " datapoints, which exceeds the limit of %,d. You may reduce the datapoints requested by"
                    + " increasing Period, or decreasing the time range.", window.datapoints(),
                    QueryWindow.MAX_DATAPOINTS));
        }
        MetricKey key = new MetricKey(request.namespace(), request.metricName(), request.dimensions());
        List<Datapoint> datapoints = new ArrayList<>();
        store.aggregate(key, window.start(), window.end(), window.period(), request.unit())
                .forEach((start, aggregate) -> datapoints.add(datapoint(start, aggregate, statistics)));
        return GetMetricStatisticsResponse.builder().label(request.metricName()).datapoints(datapoints).build();
    }

    private static void requireAll(GetMetricStatisticsRequest request) {
        if (request.namespace() == null) {
            throw CloudWatchErrors.missingParameter("Namespace");
        }
        if (request.metricName() == null) {
            throw CloudWatchErrors.missingParameter("MetricName");
        }
        if (request.startTime() == null) {
            throw CloudWatchErrors.missingParameter("StartTime");
        }
        if (request.endTime() == null) {
            throw CloudWatchErrors.missingParameter("EndTime");
        }
        if (request.period() == null) {
            throw CloudWatchErrors.missingParameter("Period");
        }
    }

    /** "You must specify either Statistics or ExtendedStatistics, but not both." */
    private static List<String> statistics(GetMetricStatisticsRequest request) {
        boolean standard = request.hasStatistics() && !request.statistics().isEmpty();
        boolean extended = request.hasExtendedStatistics() && !request.extendedStatistics().isEmpty();
        if (standard == extended) {
            throw CloudWatchErrors.invalidParameterCombination(
                    "Must specify either Statistics or ExtendedStatistics, but not both.");
        }
        if (standard) {
            if (request.statistics().size() > MAX_STATISTICS) {
                throw CloudWatchErrors.invalidParameterValue(
                        "The collection Statistics must not have a size greater than " + MAX_STATISTICS + ".");
            }
            if (request.statistics().contains(Statistic.UNKNOWN_TO_SDK_VERSION)) {
                throw CloudWatchErrors.invalidParameterValue("The parameter Statistics contains an invalid value: "
                        + request.statisticsAsStrings() + ".");
            }
            return request.statisticsAsStrings();
        }
        if (request.extendedStatistics().size() > MAX_EXTENDED) {
            throw CloudWatchErrors.invalidParameterValue(
                    "The collection ExtendedStatistics must not have a size greater than " + MAX_EXTENDED + ".");
        }
        for (String name : request.extendedStatistics()) {
            if (!MetricStatistic.isPercentile(name)) {
                throw CloudWatchErrors.invalidParameterValue("The value " + name
                        + " for parameter ExtendedStatistics is invalid.");
            }
        }
        return request.extendedStatistics();
    }

    private static Datapoint datapoint(Instant start, PeriodAggregate aggregate, List<String> statistics) {
        Datapoint.Builder point = Datapoint.builder().timestamp(start).unit(aggregate.unit());
        Map<String, Double> extended = new HashMap<>();
        for (String name : statistics) {
            new MetricStatistic(name).of(aggregate).ifPresent(value -> {
                switch (name) {
                    case "SampleCount" -> point.sampleCount(value);
                    case "Average" -> point.average(value);
                    case "Sum" -> point.sum(value);
                    case "Minimum" -> point.minimum(value);
                    case "Maximum" -> point.maximum(value);
                    default -> extended.put(name, value);
                }
            });
        }
        if (!extended.isEmpty()) {
            point.extendedStatistics(extended);
        }
        return point.build();
    }
}
