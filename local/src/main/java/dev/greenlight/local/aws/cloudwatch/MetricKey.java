package dev.greenlight.local.aws.cloudwatch;

import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

/**
 * A metric's identity: namespace, name and the exact set of dimensions. CloudWatch treats each
 * distinct combination as a separate metric; dimension order does not matter, so it is sorted.
 */
record MetricKey(String namespace, String metricName, List<Dimension> dimensions) {

    private static final Comparator<Dimension> BY_NAME = Comparator.comparing(Dimension::name)
            .thenComparing(Dimension::value);

    MetricKey {
        dimensions = dimensions.stream().sorted(BY_NAME).toList();
    }

    static MetricKey of(Metric metric) {
        return new MetricKey(metric.namespace(), metric.metricName(), metric.dimensions());
    }

    Metric toMetric() {
        return Metric.builder().namespace(namespace).metricName(metricName).dimensions(dimensions).build();
    }
}
