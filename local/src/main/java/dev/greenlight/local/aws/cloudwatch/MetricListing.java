package dev.greenlight.local.aws.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.RecentlyActive;

/** ListMetrics: the metrics that received data, filtered by namespace, name, dimensions and recent activity. */
final class MetricListing {

    /** "ListMetrics returns up to 500 results on one page." */
    private static final int PAGE = 500;
    private static final int MAX_DIMENSION_FILTERS = 10;

    private MetricListing() {
    }

    static ListMetricsResponse answer(ListMetricsRequest request, MetricStore store, Instant now) {
        if (request.dimensions().size() > MAX_DIMENSION_FILTERS) {
            throw CloudWatchErrors.invalidParameterValue("The collection Dimensions must not have a size greater than "
                    + MAX_DIMENSION_FILTERS + ".");
        }
        if (request.recentlyActive() == RecentlyActive.UNKNOWN_TO_SDK_VERSION) {
            throw CloudWatchErrors.invalidParameterValue("The value " + request.recentlyActiveAsString()
                    + " for parameter RecentlyActive is invalid.");
        }
        List<Metric> metrics = store.metrics().stream()
                .filter(key -> request.namespace() == null || key.namespace().equals(request.namespace()))
                .filter(key -> request.metricName() == null || key.metricName().equals(request.metricName()))
                .filter(key -> request.dimensions().stream().allMatch(filter -> matches(key, filter)))
                .filter(key -> request.recentlyActive() == null
                        || !store.lastObserved(key).isBefore(now.minus(Duration.ofHours(3))))
                .sorted(Comparator.comparing(MetricKey::namespace).thenComparing(MetricKey::metricName)
                        .thenComparing(key -> key.dimensions().toString()))
                .map(MetricKey::toMetric)
                .toList();
        Pagination.Page<Metric> page = Pagination.page(metrics, Pagination.offset(request.nextToken()), PAGE);
        return ListMetricsResponse.builder().metrics(page.items()).nextToken(page.nextToken()).build();
    }

    private static boolean matches(MetricKey key, DimensionFilter filter) {
        return key.dimensions().stream().anyMatch(d -> d.name().equals(filter.name())
                && (filter.value() == null || d.value().equals(filter.value())));
    }
}
