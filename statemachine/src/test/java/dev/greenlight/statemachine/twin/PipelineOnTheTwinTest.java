package dev.greenlight.statemachine.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.fleet.TrafficGenerator;
import dev.greenlight.local.fleet.TrafficPlan;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The real definition and the real workers on the twin, in virtual time: an ECR push starts the
 * pipeline through EventBridge and the trigger, and the release goes out or rolls back on its own.
 */
class PipelineOnTheTwinTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private DemoService orders;
    private ServiceConfig config;
    private PipelineOnTwin pipeline;
    private Backend backend;

    /** {@code orders} deployed by {@code backend}, and the pipeline. */
    private void deploy(Backend backend) {
        this.backend = backend;
        orders = DemoService.provision(twin,
                new DemoService.Settings("orders", 2, "CodeDeployDefault.ECSAllAtOnce", 30, "healthy"),
                backend == Backend.ecs);
        config = TwinServiceConfig.of(twin, orders, ApprovalMode.auto, 5).withBackend(backend);
        pipeline = PipelineOnTwin.deploy(twin, new GreenlightConfig(Map.of("orders", config)), true);
    }

    @AfterEach
    void close() {
        twin.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void goodPush_isVerifiedDeployedCanariedBakedAndPromoted_withNoFailedUserRequest(Backend backend) {
        deploy(backend);
        clock.advance(Duration.ofMinutes(2));
        TrafficGenerator users = users();

        DemoService.push(twin, "orders", "2.0", "healthy");
        DescribeExecutionResponse done = runToEnd();

        assertThat(done.status()).as("%s: %s", done.error(), done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.name()).startsWith("orders-2_0-");
        assertThat(noDeploymentInProgress()).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(users.report().failed()).isZero();
        assertThat(users.report().byVersion()).containsKey("2.0");
        assertThat(twin.sns().published(config.notifications().topicArn()))
                .anySatisfy(message -> assertThat(message.subject()).contains("orders 2.0: deployed"));
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void pushByTheLayerUploadApi_startsThePipelineAndTheReleaseServesTheNewImage(Backend backend) {
        deploy(backend);
        clock.advance(Duration.ofMinutes(2));
        TrafficGenerator users = users();

        String digest = LayerUploadPush.push(twin.ecr(), "orders", "2.1", "healthy");
        DescribeExecutionResponse done = runToEnd();

        assertThat(done.status()).as("%s: %s", done.error(), done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.input()).contains(digest);
        clock.advance(Duration.ofMinutes(2));
        assertThat(users.report().failed()).isZero();
        assertThat(users.report().byVersion()).containsKey("2.1");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void badPush_alarmFiresDuringTheCanary_andThePipelineRollsBackAndFailsWithAlarmFired(Backend backend) {
        deploy(backend);
        clock.advance(Duration.ofMinutes(2));
        TrafficGenerator users = users();

        DemoService.push(twin, "orders", "3.0", "errors:0.5");
        DescribeExecutionResponse done = runToEnd();

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Greenlight.AlarmFired");
        assertThat(done.cause()).contains("orders-green-5xx");
        assertThat(noDeploymentInProgress()).isTrue();
        clock.advance(Duration.ofMinutes(2));
        long failedBefore = users.report().failed();
        clock.advance(Duration.ofMinutes(5));
        assertThat(users.report().failed()).as("no user request fails once traffic is back on blue")
                .isEqualTo(failedBefore);
    }

    /** CodeDeploy's own: on ECS the deployment's alarms are the release's, which StartDeployment always sets. */
    @Test
    void badPush_theAlarmsTransitionStopsTheDeploymentThroughEventBridge_withoutWaitingForAPoll() {
        deploy(Backend.codedeploy);
        // CodeDeploy's own alarm poll (every 30 s here) could coincide with the transition: take it away.
        twin.codeDeploy().updateDeploymentGroup(r -> r.applicationName("orders")
                .currentDeploymentGroupName(orders.deploymentGroup()).alarmConfiguration(a -> a.enabled(false)));
        clock.advance(Duration.ofMinutes(2));
        users();

        DemoService.push(twin, "orders", "3.0", "errors:0.5");
        DescribeExecutionResponse done = runToEnd();

        assertThat(done.error()).isEqualTo("Greenlight.AlarmFired");
        Instant fired = twin.cloudWatch().describeAlarmHistory(r -> r.alarmName("orders-green-5xx")
                        .historyItemType(HistoryItemType.STATE_UPDATE)).alarmHistoryItems().stream()
                .filter(item -> item.historySummary().endsWith("to ALARM")).map(item -> item.timestamp())
                .min(Instant::compareTo).orElseThrow();
        DeploymentInfo release = twin.codeDeploy().listDeployments(r -> r.applicationName("orders")
                        .deploymentGroupName(orders.deploymentGroup())).deployments().stream()
                .map(id -> twin.codeDeploy().getDeployment(r -> r.deploymentId(id)).deploymentInfo())
                .filter(info -> info.status() == DeploymentStatus.STOPPED).findFirst().orElseThrow();
        assertThat(release.errorInformation().codeAsString()).as("stopped by StopOnAlarm").isEqualTo("MANUAL_STOP");
        assertThat(Duration.between(fired, release.completeTime())).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    private TrafficGenerator users() {
        return twin.fleet().sendTraffic(twin.elb().listenerPort(orders.productionListenerArn()),
                new TrafficPlan(10, Duration.ofHours(2), 1_000_000));
    }

    /** Advances virtual time until the one execution the push started has ended. */
    private DescribeExecutionResponse runToEnd() {
        for (int minute = 0; minute < 180; minute++) {
            clock.advance(Duration.ofMinutes(1));
            var executions = twin.stepFunctions().listExecutions(r -> r.stateMachineArn(pipeline.stateMachineArn()))
                    .executions();
            if (!executions.isEmpty() && executions.get(0).status() != ExecutionStatus.RUNNING) {
                assertThat(executions).hasSize(1);
                ExecutionListItem execution = executions.get(0);
                return twin.stepFunctions().describeExecution(r -> r.executionArn(execution.executionArn()));
            }
        }
        throw new AssertionError("the pipeline did not end within 3 hours of virtual time");
    }

    private boolean noDeploymentInProgress() {
        if (backend == Backend.ecs) {
            return twin.ecs().listServiceDeployments(r -> r.cluster(orders.cluster()).service("orders"))
                    .serviceDeployments().stream().allMatch(d -> d.finishedAt() != null);
        }
        return twin.codeDeploy().listDeployments(r -> r.applicationName("orders").deploymentGroupName(
                orders.deploymentGroup())).deployments().stream()
                .map(id -> twin.codeDeploy().getDeployment(r -> r.deploymentId(id)).deploymentInfo().status())
                .noneMatch(status -> status == DeploymentStatus.IN_PROGRESS || status == DeploymentStatus.CREATED
                        || status == DeploymentStatus.QUEUED || status == DeploymentStatus.READY);
    }
}
