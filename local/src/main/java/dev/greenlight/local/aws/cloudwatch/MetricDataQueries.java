package dev.greenlight.local.aws.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * GetMetricData with MetricStat queries. Metric math ({@code Expression}) is refused clearly
 * rather than answered wrongly; every result is Complete, so there is never a NextToken.
 */
final class MetricDataQueries {

    private static final int MAX_QUERIES = 500;
    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

    private MetricDataQueries() {
    }

    static GetMetricDataResponse answer(GetMetricDataRequest request, MetricStore store) {
        if (!request.hasMetricDataQueries() || request.metricDataQueries().isEmpty()) {
            throw CloudWatchErrors.missingParameter("MetricDataQueries");
        }
        if (request.startTime() == null) {
            throw CloudWatchErrors.missingParameter("StartTime");
        }
        if (request.endTime() == null) {
            throw CloudWatchErrors.missingParameter("EndTime");
        }
        if (request.metricDataQueries().size() > MAX_QUERIES) {
            throw CloudWatchErrors.invalidParameterValue(
                    "The collection MetricDataQueries must not have a size greater than " + MAX_QUERIES + ".");
        }
        checkIds(request.metricDataQueries());
        boolean ascending = request.scanBy() == ScanBy.TIMESTAMP_ASCENDING;
        List<MetricDataResult> results = new ArrayList<>();
        for (int i = 0; i < request.metricDataQueries().size(); i++) {
            MetricDataQuery query = request.metricDataQueries().get(i);
            MetricStat stat = metricStat(query, "MetricDataQueries.member." + (i + 1));
            QueryWindow window = QueryWindow.of(request.startTime(), request.endTime(), stat.period(),
                    "MetricDataQueries.member." + (i + 1) + ".MetricStat.Period");
            if (query.returnData() == null || query.returnData()) {
                results.add(result(query, stat, window, store, ascending));
            }
        }
        return GetMetricDataResponse.builder().metricDataResults(results).build();
    }

    private static void checkIds(List<MetricDataQuery> queries) {
        Set<String> seen = new HashSet<>();
        for (MetricDataQuery query : queries) {
            if (query.id() == null) {
                throw CloudWatchErrors.missingParameter("MetricDataQueries.member.N.Id");
            }
            if (!ID.matcher(query.id()).matches()) {
                throw CloudWatchErrors.invalidParameterValue("The value " + query.id()
                        + " for parameter MetricDataQueries.member.N.Id is invalid: it must start with a lowercase"
                        + " letter and contain only letters, digits and underscores.");
            }
            if (!seen.add(query.id())) {
                throw CloudWatchErrors.invalidParameterValue(
                        "The values for parameter id in MetricDataQueries are not unique.");
            }
        }
    }

    private static MetricStat metricStat(MetricDataQuery query, String path) {
        if (query.expression() != null) {
            throw CloudWatchErrors.invalidParameterValue("Metric math expressions (" + path
                    + ".Expression) are not supported by the local CloudWatch twin; use MetricStat.");
        }
        MetricStat stat = query.metricStat();
        if (stat == null) {
            throw CloudWatchErrors.invalidParameterCombination(
                    "Exactly one of " + path + ".MetricStat and " + path + ".Expression must be specified.");
        }
        if (stat.metric() == null || stat.metric().metricName() == null || stat.metric().namespace() == null) {
            throw CloudWatchErrors.missingParameter(path + ".MetricStat.Metric");
        }
        if (stat.period() == null) {
            throw CloudWatchErrors.missingParameter(path + ".MetricStat.Period");
        }
        if (MetricStatistic.parse(stat.stat()).isEmpty()) {
            throw CloudWatchErrors.invalidParameterValue("The value " + stat.stat() + " for parameter " + path
                    + ".MetricStat.Stat is invalid.");
        }
        return stat;
    }

    private static MetricDataResult result(MetricDataQuery query, MetricStat stat, QueryWindow window,
            MetricStore store, boolean ascending) {
        MetricStatistic statistic = new MetricStatistic(stat.stat());
        Map<Instant, PeriodAggregate> periods = store.aggregate(MetricKey.of(stat.metric()), window.start(),
                window.end(), window.period(), stat.unit());
        List<Instant> timestamps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        periods.forEach((start, aggregate) -> statistic.of(aggregate).ifPresent(value -> {
            timestamps.add(start);
            values.add(value);
        }));
        if (!ascending) {
            Collections.reverse(timestamps);
            Collections.reverse(values);
        }
        return MetricDataResult.builder()
                .id(query.id())
                .label(query.label() != null ? query.label() : stat.metric().metricName())
                .timestamps(timestamps)
                .values(values)
                .statusCode(StatusCode.COMPLETE)
                .build();
    }
}
