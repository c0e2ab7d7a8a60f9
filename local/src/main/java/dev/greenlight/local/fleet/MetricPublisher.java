package dev.greenlight.local.fleet;

import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * Where the load balancer's per-period metrics go. The CloudWatch twin implements it and stores
 * the data under {@code namespace} as AWS's own service metrics (PutMetricData refuses the
 * {@code AWS/} namespaces, so this is not a PutMetricData call).
 */
@FunctionalInterface
public interface MetricPublisher {

    String NAMESPACE = "AWS/ApplicationELB";

    void publish(String namespace, List<MetricDatum> data);
}
