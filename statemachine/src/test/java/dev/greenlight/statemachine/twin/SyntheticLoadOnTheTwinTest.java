package dev.greenlight.statemachine.twin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.config.ServiceConfig.SyntheticLoad;
import dev.greenlight.workers.core.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * A quiet service (no user sends a request) whose canary drives synthetic load at green through the
 * test listener: the real definition and workers on the twin, in virtual time.
 */
class SyntheticLoadOnTheTwinTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private PipelineOnTwin pipeline;

    /** {@code orders} deployed by {@code backend}, its canary driving synthetic load, and the pipeline. */
    private void deploy(Backend backend) {
        DemoService orders = DemoService.provision(twin,
                new DemoService.Settings("orders", 2, "CodeDeployDefault.ECSAllAtOnce", 30, "healthy"),
                backend == Backend.ecs);
        ServiceConfig config = TwinServiceConfig.of(twin, orders, ApprovalMode.auto,
                new Canary(10, 2, 6, 100, ServiceConfig.Analysis.DEFAULT,
                        new SyntheticLoad(5, List.of("/", "/health"), 200)), 2).withBackend(backend);
        pipeline = PipelineOnTwin.deploy(twin, new GreenlightConfig(Map.of("orders", config)), true);
    }

    @AfterEach
    void close() {
        twin.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void badImageWithNoUsers_syntheticLoadTripsGreensAlarm_andTheReleaseRollsBack(Backend backend) {
        deploy(backend);
        clock.advance(Duration.ofMinutes(2));
        DemoService.push(twin, "orders", "3.0", "errors:0.5");
        DescribeExecutionResponse done = runToEnd();

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Greenlight.AlarmFired");
        assertThat(done.cause()).contains("orders-green-5xx");
        List<JsonNode> loads = syntheticLoads(done.executionArn());
        assertThat(loads).as("synthetic load ran between the canary's looks").isNotEmpty();
        assertThat(loads).anySatisfy(load -> assertThat(load.path("byStatus").path("500").asLong())
                .as("green answered 500 to some of a stretch's requests").isPositive()
                .isLessThanOrEqualTo(load.path("failures").asLong()));
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void goodImageWithNoUsers_isReleased_andGreenServedTheSyntheticRequestsInItsOwnMetrics(Backend backend) {
        deploy(backend);
        clock.advance(Duration.ofMinutes(2));
        Instant pushed = clock.now();
        DemoService.push(twin, "orders", "2.0", "healthy");
        DescribeExecutionResponse done = runToEnd();

        assertThat(done.status()).as("%s: %s", done.error(), done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        List<JsonNode> loads = syntheticLoads(done.executionArn());
        // Before CodeDeploy routes the test listener to green's tasks the load balancer answers 503 itself.
        assertThat(loads).hasSizeGreaterThan(3)
                .allSatisfy(load -> assertThat(load.path("byStatus").has("500")).isFalse())
                .allSatisfy(load -> assertThat(load.path("sent").asLong()).isEqualTo(5L * load.path("seconds").asLong()));
        long answeredByGreen = loads.stream().mapToLong(load -> load.path("byStatus").path("200").asLong()).sum();
        assertThat(answeredByGreen).isPositive();
        if (backend == Backend.codedeploy) {
            assertThat(requestCount("orders-green-5xx", pushed)).as("the load balancer counts test-listener "
                    + "requests as green's").isGreaterThanOrEqualTo(answeredByGreen);
        } else {
            // ECS's test rule forwards to blue until TEST_TRAFFIC_SHIFT: load sent before that reached blue.
            assertThat(requestCount("orders-green-5xx", pushed)).as("green's own requests").isPositive();
            assertThat(requestCount("orders-green-5xx", pushed) + requestCount("orders-blue-5xx", pushed))
                    .as("the load balancer counts every answered test-listener request as a target group's")
                    .isGreaterThanOrEqualTo(answeredByGreen);
        }
    }

    private List<JsonNode> syntheticLoads(String executionArn) {
        List<HistoryEvent> events = twin.stepFunctions().getExecutionHistory(r -> r.executionArn(executionArn)
                .maxResults(1000)).events();
        List<JsonNode> loads = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            HistoryEvent event = events.get(i);
            if (event.type() == HistoryEventType.TASK_STATE_EXITED
                    && event.stateExitedEventDetails().name().startsWith("DriveSyntheticLoad")) {
                loads.add(json(event.stateExitedEventDetails().output()).path("syntheticLoad"));
            }
        }
        return loads;
    }

    /** RequestCount of the target group {@code alarm} watches, summed over the run. */
    private double requestCount(String alarm, Instant from) {
        List<Dimension> dimensions = twin.cloudWatch().describeAlarms(r -> r.alarmNames(alarm)).metricAlarms()
                .get(0).dimensions();
        String targetGroup = dimensions.stream().filter(d -> d.name().equals("TargetGroup"))
                .map(Dimension::value).findFirst().orElseThrow();
        String loadBalancer = dimensions.stream().filter(d -> d.name().equals("LoadBalancer"))
                .map(Dimension::value).findFirst().orElseThrow();
        return twin.cloudWatch().getMetricStatistics(r -> r.namespace("AWS/ApplicationELB")
                        .metricName("RequestCount").startTime(from).endTime(clock.now()).period(60)
                        .statistics(Statistic.SUM)
                        .dimensions(d -> d.name("TargetGroup").value(targetGroup),
                                d -> d.name("LoadBalancer").value(loadBalancer)))
                .datapoints().stream().mapToDouble(p -> p.sum()).sum();
    }

    private DescribeExecutionResponse runToEnd() {
        for (int minute = 0; minute < 120; minute++) {
            clock.advance(Duration.ofMinutes(1));
            var executions = twin.stepFunctions().listExecutions(r -> r.stateMachineArn(pipeline.stateMachineArn()))
                    .executions();
            if (!executions.isEmpty() && executions.get(0).status() != ExecutionStatus.RUNNING) {
                String arn = executions.get(0).executionArn();
                return twin.stepFunctions().describeExecution(r -> r.executionArn(arn));
            }
        }
        throw new AssertionError("the pipeline did not end within 2 hours of virtual time");
    }

    private static JsonNode json(String text) {
        try {
            return Worker.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
