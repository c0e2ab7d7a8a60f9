package dev.greenlight.local.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.http.RawHttp;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real HTTP on loopback: short, bounded runs. */
class RealFleetTest {

    private static final HealthCheck FAST_CHECK = HealthCheck.defaults().withPath("/health")
            .withTiming(Duration.ofMillis(50), Duration.ofSeconds(1));
    private static final String ALB = "app/web/0000000000000001";

    private final RealClock clock = new RealClock();
    private final Fleet fleet = Fleet.realTime(clock, (namespace, data) -> { });
    private final LoadBalancer lb = fleet.loadBalancer();

    @AfterEach
    void closeFleet() {
        fleet.close();
        clock.close();
    }

    @Test
    void weights90To10_splitRealTrafficSo() {
        lb.addTargetGroup("blue", "targetgroup/blue/1", FAST_CHECK);
        lb.addTargetGroup("green", "targetgroup/green/2", FAST_CHECK);
        lb.register("blue", fleet.startApp(AppProfile.healthy("1.0")));
        lb.register("green", fleet.startApp(AppProfile.healthy("2.0")));
        int port = lb.openListener("prod", ALB);
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("blue", 90);
        weights.put("green", 10);
        lb.forward("prod", weights);
        awaitTrue(() -> allHealthy("blue") && allHealthy("green"));

        TrafficReport report = run(port, 200);

        assertThat(report.succeeded()).isEqualTo(200);
        assertThat(report.byVersion().get("1.0")).isBetween(170L, 190L);
        assertThat(report.byVersion().get("2.0")).isBetween(10L, 30L);
    }

    @Test
    void unhealthyTarget_isTakenOutOfRealTraffic() {
        lb.addTargetGroup("blue", "targetgroup/blue/1", FAST_CHECK);
        lb.register("blue", fleet.startApp(AppProfile.healthy("good")));
        Endpoint bad = fleet.startApp(AppProfile.unhealthy("bad"));
        lb.register("blue", bad);
        int port = lb.openListener("prod", ALB);
        lb.forward("prod", Map.of("blue", 1));
        awaitTrue(() -> lb.targets("blue").get(bad).state() == TargetState.UNHEALTHY);

        TrafficReport report = run(port, 40);

        assertThat(report.byVersion()).isEqualTo(Map.of("good", 40L));
        assertThat(lb.targets("blue").get(bad).reason()).isEqualTo("Target.ResponseCodeMismatch");
    }

    @Test
    void trafficGenerator_counts5xxFromErroringApp() {
        lb.addTargetGroup("blue", "targetgroup/blue/1", FAST_CHECK);
        lb.register("blue", fleet.startApp(AppProfile.erroring("2.0", 0.25)));
        int port = lb.openListener("prod", ALB);
        lb.forward("prod", Map.of("blue", 1));
        awaitTrue(() -> allHealthy("blue"));

        TrafficReport report = run(port, 100);

        assertThat(report.answered()).isEqualTo(100);
        assertThat(report.failed()).isEqualTo(25);
        assertThat(report.byStatus()).isEqualTo(Map.of(200, 75L, 500, 25L));
        assertThat(report.p99()).isPositive();
    }

    @Test
    void twoHundredStalledConnectionsToTheListenerAndTheApp_holdUpNoUserRequest() {
        lb.addTargetGroup("blue", "targetgroup/blue/1", FAST_CHECK);
        Endpoint app = fleet.startApp(AppProfile.healthy("1.0"));
        lb.register("blue", app);
        int port = lb.openListener("prod", ALB);
        lb.forward("prod", Map.of("blue", 1));
        awaitTrue(() -> allHealthy("blue"));
        List<Socket> stalled = new ArrayList<>(RawHttp.stall(port, 200));
        stalled.addAll(RawHttp.stall(app.port(), 200));
        try {
            // scripts/probe-twin measures the figure (goal: 50 ms); the bound leaves room for a busy machine.
            TrafficReport report = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> run(port, 20));

            assertThat(report.succeeded()).isEqualTo(20);
        } finally {
            RawHttp.closeAll(stalled);
        }
    }

    private TrafficReport run(int port, int requests) {
        TrafficGenerator traffic = fleet.sendTraffic(port, new TrafficPlan(200, Duration.ofSeconds(5), requests));
        awaitTrue(traffic::finished);
        return traffic.report();
    }

    private boolean allHealthy(String group) {
        return lb.targets(group).values().stream().allMatch(health -> health.state() == TargetState.HEALTHY);
    }

    /** Waits for real servers to answer; bounded so a broken fleet fails the test instead of hanging. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
