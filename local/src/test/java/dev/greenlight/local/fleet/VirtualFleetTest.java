package dev.greenlight.local.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

class VirtualFleetTest {

    private static final String BLUE = "targetgroup/blue/0000000000000001";
    private static final String GREEN = "targetgroup/green/0000000000000002";
    private static final String ALB = "app/web/0000000000000001";

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<MetricDatum> published = new ArrayList<>();
    private final Fleet fleet = Fleet.virtualTime(clock, (namespace, data) -> {
        assertThat(namespace).isEqualTo("AWS/ApplicationELB");
        published.addAll(data);
    });
    private final LoadBalancer lb = fleet.loadBalancer();

    @Test
    void fifteenMinuteCanaryOfErroringApp_publishesExactCountsEachMinute() {
        int port = canary(AppProfile.healthy("1.0"), AppProfile.erroring("2.0", 0.5), 90, 10);
        clock.advance(Duration.ofSeconds(60));

        TrafficGenerator traffic = fleet.sendTraffic(port, new TrafficPlan(10, Duration.ofMinutes(15), 100_000));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(traffic.finished()).isTrue();
        TrafficReport report = traffic.report();
        assertThat(report.sent()).isEqualTo(9000);
        assertThat(report.byVersion()).isEqualTo(Map.of("1.0", 8100L, "2.0", 900L));
        assertThat(report.failed()).isEqualTo(450);
        assertThat(report.byStatus()).containsEntry(500, 450L);

        assertThat(values("RequestCount", GREEN)).hasSize(15).containsOnly(60.0);
        assertThat(values("HTTPCode_Target_5XX_Count", GREEN)).hasSize(15).containsOnly(30.0);
        assertThat(values("RequestCount", BLUE)).hasSize(15).containsOnly(540.0);
        assertThat(values("HTTPCode_Target_5XX_Count", BLUE)).isEmpty();
        assertThat(published).filteredOn(d -> d.metricName().equals("TargetResponseTime")).hasSize(30);
    }

    @Test
    void metricsCarryAlbDimensionsAndPeriodStart() {
        int port = canary(AppProfile.healthy("1.0"), AppProfile.healthy("2.0"), 100, 0);
        clock.advance(Duration.ofSeconds(60));
        fleet.sendTraffic(port, new TrafficPlan(1, Duration.ofSeconds(60), 60));
        clock.advance(Duration.ofSeconds(61));

        MetricDatum requests = published.stream().filter(d -> d.metricName().equals("RequestCount")).findFirst()
                .orElseThrow();
        assertThat(requests.dimensions()).containsExactly(
                Dimension.builder().name("TargetGroup").value(BLUE).build(),
                Dimension.builder().name("LoadBalancer").value(ALB).build());
        assertThat(requests.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
        assertThat(requests.value()).isEqualTo(60.0);
    }

    @Test
    void unhealthyTarget_getsNoTrafficOnceItFailsThresholdChecks() {
        lb.addTargetGroup("blue", BLUE, HealthCheck.defaults().withPath("/health"));
        lb.register("blue", fleet.startApp(AppProfile.healthy("good")));
        Endpoint bad = fleet.startApp(AppProfile.unhealthy("bad"));
        lb.register("blue", bad);
        int port = lb.openListener("prod", ALB);
        lb.forward("prod", Map.of("blue", 1));
        clock.advance(Duration.ofSeconds(31));

        assertThat(lb.targets("blue").get(bad).state()).isEqualTo(TargetState.UNHEALTHY);
        assertThat(lb.targets("blue").get(bad).reason()).isEqualTo("Target.ResponseCodeMismatch");
        TrafficGenerator traffic = fleet.sendTraffic(port, new TrafficPlan(10, Duration.ofSeconds(5), 50));
        clock.advance(Duration.ofSeconds(6));
        assertThat(traffic.report().byVersion()).isEqualTo(Map.of("good", 50L));
    }

    @Test
    void targetGroupWithoutListener_leavesTargetsUnusedAndUnchecked() {
        lb.addTargetGroup("green", GREEN, HealthCheck.defaults());
        Endpoint app = fleet.startApp(AppProfile.healthy("2.0"));
        lb.register("green", app);
        clock.advance(Duration.ofMinutes(2));

        assertThat(lb.targets("green").get(app).reason()).isEqualTo("Target.NotInUse");
    }

    @Test
    void deregisteredTarget_drainsForTheDelayThenLeaves() {
        int port = canary(AppProfile.healthy("1.0"), AppProfile.healthy("2.0"), 100, 0);
        Endpoint blueApp = lb.targets("blue").keySet().iterator().next();
        clock.advance(Duration.ofSeconds(1));

        lb.deregister("blue", blueApp, Duration.ofSeconds(300));
        assertThat(lb.targets("blue").get(blueApp).state()).isEqualTo(TargetState.DRAINING);
        TrafficGenerator traffic = fleet.sendTraffic(port, new TrafficPlan(1, Duration.ofSeconds(3), 3));
        clock.advance(Duration.ofSeconds(300));

        assertThat(traffic.report().byStatus()).isEqualTo(Map.of(503, 3L));
        assertThat(lb.targets("blue")).isEmpty();
    }

    @Test
    void crashingApp_failsToStart() {
        assertThatThrownBy(() -> fleet.startApp(AppProfile.crashing("3.0")))
                .isInstanceOf(AppCrashedException.class);
    }

    private int canary(AppProfile blue, AppProfile green, int blueWeight, int greenWeight) {
        lb.addTargetGroup("blue", BLUE, HealthCheck.defaults());
        lb.addTargetGroup("green", GREEN, HealthCheck.defaults());
        lb.register("blue", fleet.startApp(blue));
        lb.register("green", fleet.startApp(green));
        int port = lb.openListener("prod", ALB);
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("blue", blueWeight);
        weights.put("green", greenWeight);
        lb.forward("prod", weights);
        return port;
    }

    private List<Double> values(String metric, String targetGroup) {
        return published.stream()
                .filter(d -> d.metricName().equals(metric))
                .filter(d -> d.dimensions().contains(Dimension.builder().name("TargetGroup").value(targetGroup).build()))
                .map(MetricDatum::value)
                .toList();
    }
}
