package dev.greenlight.local.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * One target group's counts over one period, turned into the data points ALB publishes:
 * RequestCount, HTTPCode_Target_5XX_Count and TargetResponseTime (a statistic set in seconds),
 * with the dimensions TargetGroup and LoadBalancer. Like ALB, nothing is published for a
 * period without requests, and a count that stayed zero is left out.
 */
final class PeriodMetrics {

    private long requests;
    private long target5xx;
    private long answered;
    private double secondsSum;
    private double secondsMin = Double.MAX_VALUE;
    private double secondsMax;

    void request() {
        requests++;
    }

    void answered(int status, Duration latency) {
        if (status >= 500 && status <= 599) {
            target5xx++;
        }
        double seconds = latency.toNanos() / 1e9;
        answered++;
        secondsSum += seconds;
        secondsMin = Math.min(secondsMin, seconds);
        secondsMax = Math.max(secondsMax, seconds);
    }

    boolean isEmpty() {
        return requests == 0;
    }

    List<MetricDatum> data(Instant periodStart, String targetGroup, String loadBalancer) {
        List<Dimension> dimensions = List.of(
                Dimension.builder().name("TargetGroup").value(targetGroup).build(),
                Dimension.builder().name("LoadBalancer").value(loadBalancer).build());
        List<MetricDatum> data = new ArrayList<>();
        data.add(count("RequestCount", requests, periodStart, dimensions));
        if (target5xx > 0) {
            data.add(count("HTTPCode_Target_5XX_Count", target5xx, periodStart, dimensions));
        }
        if (answered > 0) {
            data.add(MetricDatum.builder().metricName("TargetResponseTime").timestamp(periodStart)
                    .dimensions(dimensions).unit(StandardUnit.SECONDS)
                    .statisticValues(StatisticSet.builder().sampleCount((double) answered).sum(secondsSum)
                            .minimum(secondsMin).maximum(secondsMax).build())
                    .build());
        }
        return data;
    }

    private static MetricDatum count(String name, long value, Instant timestamp, List<Dimension> dimensions) {
        return MetricDatum.builder().metricName(name).timestamp(timestamp).dimensions(dimensions)
                .unit(StandardUnit.COUNT).value((double) value).build();
    }
}
