package dev.greenlight.workers.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * What blue and green served since the window opened, from the metrics every Application Load
 * Balancer publishes per target group (namespace AWS/ApplicationELB, dimensions TargetGroup and
 * LoadBalancer), read with one GetMetricData call.
 *
 * <p>"Elastic Load Balancing reports metrics to CloudWatch only when requests are flowing through
 * the load balancer. If there are requests flowing through the load balancer, Elastic Load
 * Balancing measures and sends its metrics in 60-second intervals. If there are no requests
 * flowing through the load balancer or no data for a metric, the metric is not reported."
 * (Elastic Load Balancing User Guide, "CloudWatch metrics for your Application Load Balancer".)
 * So a period with no data point served nothing: it adds no evidence, it is never read as health.
 */
public final class LoadBalancerMetrics {

    /** ALB's own resolution; longer windows use a multiple so one call stays within 1,440 data points. */
    static final int PERIOD_SECONDS = 60;
    private static final int MAX_DATAPOINTS = 1440;
    private static final String NAMESPACE = "AWS/ApplicationELB";

    /** Both roles' traffic over their windows. */
    public record Served(Traffic green, Traffic blue) {
    }

    private final CloudWatchClient cloudWatch;
    private final ElasticLoadBalancingV2Client elb;

    public LoadBalancerMetrics(CloudWatchClient cloudWatch, ElasticLoadBalancingV2Client elb) {
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.elb = Objects.requireNonNull(elb, "elb");
    }

    /** Green's and blue's requests, 5xx and response times from {@code since} (rounded down to the minute) to {@code now}. */
    public Served served(Roles roles, Instant since, Instant now) {
        List<TargetGroup> groups = elb.describeTargetGroups(r -> r.names(roles.blueTargetGroup(),
                roles.greenTargetGroup())).targetGroups();
        Instant start = Instant.ofEpochSecond(Math.floorDiv(since.getEpochSecond(), 60) * 60);
        if (!start.isBefore(now)) {
            return new Served(Traffic.NONE, Traffic.NONE);
        }
        int period = period(start, now);
        List<MetricDataQuery> queries = new ArrayList<>();
        queries.addAll(queries("green", dimensions(find(groups, roles.greenTargetGroup())), period));
        queries.addAll(queries("blue", dimensions(find(groups, roles.blueTargetGroup())), period));
        List<MetricDataResult> results = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            GetMetricDataResponse response = cloudWatch.getMetricData(r -> r.metricDataQueries(queries)
                    .startTime(start).endTime(now).nextToken(page));
            results.addAll(response.metricDataResults());
            token = response.nextToken();
        } while (token != null);
        return new Served(traffic("green", results), traffic("blue", results));
    }

    private static int period(Instant start, Instant end) {
        long minutes = (Duration.between(start, end).getSeconds() + 59) / 60;
        return (int) (PERIOD_SECONDS * Math.max(1, (minutes + MAX_DATAPOINTS - 1) / MAX_DATAPOINTS));
    }

    private static TargetGroup find(List<TargetGroup> groups, String name) {
        return groups.stream().filter(group -> name.equals(group.targetGroupName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the load balancer has no target group named " + name));
    }

    /** ALB's dimension values are the ARNs' resource parts: {@code targetgroup/NAME/ID} and {@code app/NAME/ID}. */
    private static List<Dimension> dimensions(TargetGroup group) {
        if (group.loadBalancerArns().isEmpty()) {
            throw new IllegalStateException("target group " + group.targetGroupName()
                    + " is attached to no load balancer, so it publishes no metrics");
        }
        String targetGroup = group.targetGroupArn().substring(group.targetGroupArn().indexOf("targetgroup/"));
        String loadBalancer = group.loadBalancerArns().get(0);
        loadBalancer = loadBalancer.substring(loadBalancer.indexOf("loadbalancer/") + "loadbalancer/".length());
        return List.of(Dimension.builder().name("TargetGroup").value(targetGroup).build(),
                Dimension.builder().name("LoadBalancer").value(loadBalancer).build());
    }

    private static List<MetricDataQuery> queries(String role, List<Dimension> dimensions, int period) {
        return List.of(
                query(role + "Requests", "RequestCount", "Sum", dimensions, period),
                query(role + "Errors", "HTTPCode_Target_5XX_Count", "Sum", dimensions, period),
                query(role + "LatencySum", "TargetResponseTime", "Sum", dimensions, period),
                query(role + "Answered", "TargetResponseTime", "SampleCount", dimensions, period));
    }

    private static MetricDataQuery query(String id, String metric, String stat, List<Dimension> dimensions,
            int period) {
        return MetricDataQuery.builder().id(id).returnData(true)
                .metricStat(s -> s.stat(stat).period(period)
                        .metric(m -> m.namespace(NAMESPACE).metricName(metric).dimensions(dimensions)))
                .build();
    }

    private static Traffic traffic(String role, List<MetricDataResult> results) {
        return new Traffic(Math.round(sum(results, role + "Requests")), Math.round(sum(results, role + "Errors")),
                Math.round(sum(results, role + "Answered")), sum(results, role + "LatencySum"));
    }

    private static double sum(List<MetricDataResult> results, String id) {
        return results.stream().filter(result -> id.equals(result.id()))
                .flatMap(result -> result.values().stream()).mapToDouble(Double::doubleValue).sum();
    }
}
