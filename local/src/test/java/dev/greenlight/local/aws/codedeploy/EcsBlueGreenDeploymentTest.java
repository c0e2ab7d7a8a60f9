package dev.greenlight.local.aws.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.codedeploy.model.DeploymentCreator;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.ECSTaskSet;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.TargetLabel;
import software.amazon.awssdk.services.codedeploy.model.TargetStatus;

class EcsBlueGreenDeploymentTest {

    private final CodeDeployFixture fixture = new CodeDeployFixture();

    @Test
    void canaryWithSucceedingHooks_runsEveryEventInOrderShiftsTrafficOnTheClockAndRemovesBlueAfterTheWait() {
        fixture.group();
        List.of("before-install", "after-install", "after-test", "before-traffic", "after-traffic")
                .forEach(function -> fixture.hooks.answers.put(function, LifecycleEventStatus.SUCCEEDED));
        String id = fixture.deploy(CodeDeployFixture.appSpec("BeforeInstall", "before-install",
                "AfterInstall", "after-install", "AfterAllowTestTraffic", "after-test",
                "BeforeAllowTraffic", "before-traffic", "AfterAllowTraffic", "after-traffic"));
        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.CREATED);

        fixture.runFor(Duration.ofSeconds(1));
        assertThat(fixture.rerouting.calls).containsExactly(
                "create arn:aws:ecs:us-east-1:123456789012:task-definition/web:2 web:8080 in tg-green",
                "test tg-green",
                "production 90/10");
        assertThat(fixture.hooks.functionsInvoked())
                .containsExactly("before-install", "after-install", "after-test", "before-traffic");
        assertThat(weights(fixture.target(id).taskSetsInfo())).containsExactly("BLUE ts-blue 90.0", "GREEN ts-green-1 10.0");
        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(fixture.event(id, "AllowTraffic").status()).isEqualTo(LifecycleEventStatus.IN_PROGRESS);

        fixture.runFor(Duration.ofMinutes(4).plusSeconds(58));
        assertThat(fixture.rerouting.greenPercent()).isEqualTo(10);

        fixture.runFor(Duration.ofSeconds(2));
        assertThat(fixture.rerouting.calls).endsWith("production 0/100", "primary ts-green-1");
        assertThat(fixture.hooks.functionsInvoked()).endsWith("after-traffic");
        DeploymentInfo waiting = fixture.info(id);
        assertThat(waiting.status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(waiting.instanceTerminationWaitTimeStarted()).isTrue();
        assertThat(fixture.rerouting.deletedTaskSets).isEmpty();

        fixture.runFor(Duration.ofMinutes(5));
        DeploymentInfo done = fixture.info(id);
        assertThat(done.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(done.deploymentOverview().succeeded()).isEqualTo(1);
        assertThat(done.completeTime()).isEqualTo(done.startTime().plus(Duration.ofMinutes(10)));
        assertThat(fixture.rerouting.deletedTaskSets).containsExactly("ts-blue");
        assertThat(fixture.target(id).status()).isEqualTo(TargetStatus.SUCCEEDED);
        assertThat(fixture.eventStatuses(id)).containsExactly("BeforeInstall=Succeeded", "Install=Succeeded",
                "AfterInstall=Succeeded", "AllowTestTraffic=Succeeded", "AfterAllowTestTraffic=Succeeded",
                "BeforeAllowTraffic=Succeeded", "AllowTraffic=Succeeded", "AfterAllowTraffic=Succeeded");
        assertThat(weights(fixture.target(id).taskSetsInfo())).containsExactly("GREEN ts-green-1 100.0");
    }

    @Test
    void install_waitsUntilTheReplacementRunsHealthyBeforeAnyTrafficReachesIt() {
        fixture.group();
        fixture.rerouting.replacementReadyAt = fixture.clock.now().plus(Duration.ofSeconds(40));
        String id = fixture.deploy(CodeDeployFixture.appSpec());

        fixture.runFor(Duration.ofSeconds(30));
        assertThat(fixture.event(id, "Install").status()).isEqualTo(LifecycleEventStatus.IN_PROGRESS);
        assertThat(fixture.rerouting.calls).containsExactly(
                "create arn:aws:ecs:us-east-1:123456789012:task-definition/web:2 web:8080 in tg-green");

        fixture.runFor(Duration.ofSeconds(16));
        assertThat(fixture.event(id, "Install").status()).isEqualTo(LifecycleEventStatus.SUCCEEDED);
        assertThat(fixture.rerouting.calls).endsWith("test tg-green", "production 90/10");
    }

    @Test
    void replacementThatNeverRunsHealthy_failsTheDeploymentAfterAnHourAndRollsBack() {
        fixture.group();
        fixture.rerouting.replacementReadyAt = java.time.Instant.MAX;
        String id = fixture.deploy(CodeDeployFixture.appSpec());

        fixture.runFor(Duration.ofMinutes(61));

        DeploymentInfo failed = fixture.info(id);
        assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(failed.errorInformation().codeAsString()).isEqualTo("ECS_UPDATE_ERROR");
        assertThat(failed.errorInformation().message()).contains("did not reach a steady state with healthy targets");
        assertThat(fixture.rerouting.productionWeights).allMatch(weights -> weights.replacementPercent() == 0);
        assertThat(fixture.rerouting.deletedTaskSets).containsExactly("ts-green-1");
    }

    @Test
    void replacementWhoseTasksKeepFailingToStart_failsTheDeploymentWithEcsReasonNotAfterAnHour() {
        fixture.group();
        fixture.rerouting.replacementReadyAt = java.time.Instant.MAX;
        String id = fixture.deploy(CodeDeployFixture.appSpec());
        String pullError = "TaskFailedToStart: CannotPullContainerError: pull image manifest has been retried 5 time(s)";

        fixture.rerouting.failedStarts.addAll(java.util.List.of(pullError, pullError));
        fixture.runFor(Duration.ofMinutes(2));
        assertThat(fixture.event(id, "Install").status()).as("two failed starts").isEqualTo(LifecycleEventStatus.IN_PROGRESS);

        fixture.rerouting.failedStarts.add(pullError);
        fixture.runFor(Duration.ofSeconds(16));

        DeploymentInfo failed = fixture.info(id);
        assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(failed.errorInformation().codeAsString()).isEqualTo("ECS_UPDATE_ERROR");
        assertThat(failed.errorInformation().message()).contains("ts-green-1 could not start its tasks", pullError);
        assertThat(fixture.rerouting.productionWeights).allMatch(weights -> weights.replacementPercent() == 0);
        assertThat(fixture.rerouting.deletedTaskSets).containsExactly("ts-green-1");
    }

    @Test
    void hookableEventsWithoutAHook_areSkipped() {
        fixture.group(g -> g.deploymentConfigName("CodeDeployDefault.ECSAllAtOnce"));
        String id = fixture.deploy(CodeDeployFixture.appSpec());

        fixture.runFor(Duration.ofMinutes(6));

        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(fixture.eventStatuses(id)).containsExactly("BeforeInstall=Skipped", "Install=Succeeded",
                "AfterInstall=Skipped", "AllowTestTraffic=Succeeded", "AfterAllowTestTraffic=Skipped",
                "BeforeAllowTraffic=Skipped", "AllowTraffic=Succeeded", "AfterAllowTraffic=Skipped");
        assertThat(fixture.hooks.invocations).isEmpty();
    }

    static Stream<Arguments> trafficShifting() {
        return Stream.of(
                Arguments.of("CodeDeployDefault.ECSAllAtOnce", List.of("0s 100")),
                Arguments.of("CodeDeployDefault.ECSCanary10Percent15Minutes", List.of("0s 10", "900s 100")),
                Arguments.of("CodeDeployDefault.ECSLinear10PercentEvery3Minutes", List.of("0s 10", "180s 20",
                        "360s 30", "540s 40", "720s 50", "900s 60", "1080s 70", "1260s 80", "1440s 90", "1620s 100")));
    }

    @ParameterizedTest
    @MethodSource
    void trafficShifting(String config, List<String> weightsOverTime) {
        fixture.group(g -> g.deploymentConfigName(config));
        fixture.deploy(CodeDeployFixture.appSpec());
        fixture.runFor(Duration.ofMinutes(31));

        Instant first = fixture.rerouting.productionShiftTimes.get(0);
        List<String> observed = new ArrayList<>();
        for (int i = 0; i < fixture.rerouting.productionWeights.size(); i++) {
            observed.add(Duration.between(first, fixture.rerouting.productionShiftTimes.get(i)).toSeconds() + "s "
                    + fixture.rerouting.productionWeights.get(i).replacementPercent());
        }
        assertThat(observed).containsExactlyElementsOf(weightsOverTime);
    }

    @Test
    void customLinearConfig_shiftsItsPercentEveryInterval() {
        fixture.client.createDeploymentConfig(b -> b.deploymentConfigName("Linear40Every2")
                .computePlatform(software.amazon.awssdk.services.codedeploy.model.ComputePlatform.ECS)
                .trafficRoutingConfig(t -> t.type(software.amazon.awssdk.services.codedeploy.model.TrafficRoutingType.TIME_BASED_LINEAR)
                        .timeBasedLinear(l -> l.linearPercentage(40).linearInterval(2))));
        fixture.group(g -> g.deploymentConfigName("Linear40Every2"));
        fixture.deploy(CodeDeployFixture.appSpec());

        fixture.runFor(Duration.ofSeconds(1));
        assertThat(fixture.rerouting.greenPercent()).isEqualTo(40);
        fixture.runFor(Duration.ofMinutes(2));
        assertThat(fixture.rerouting.greenPercent()).isEqualTo(80);
        fixture.runFor(Duration.ofMinutes(2));
        assertThat(fixture.rerouting.greenPercent()).isEqualTo(100);
    }

    @Test
    void rollbackDeployment_isRecordedOnBothDeployments() {
        fixture.group();
        fixture.hooks.answers.put("smoke", LifecycleEventStatus.FAILED);
        String id = fixture.deploy(CodeDeployFixture.appSpec("AfterAllowTestTraffic", "smoke"));

        fixture.runFor(Duration.ofSeconds(1));

        DeploymentInfo failed = fixture.info(id);
        String rollbackId = failed.rollbackInfo().rollbackDeploymentId();
        assertThat(rollbackId).matches("d-[A-Z0-9]{9}").isNotEqualTo(id);
        DeploymentInfo rollback = fixture.info(rollbackId);
        assertThat(rollback.creator()).isEqualTo(DeploymentCreator.CODE_DEPLOY_ROLLBACK);
        assertThat(rollback.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(rollback.rollbackInfo().rollbackTriggeringDeploymentId()).isEqualTo(id);
        assertThat(fixture.client.listDeployments(b -> b.applicationName(CodeDeployFixture.APP)
                .deploymentGroupName(CodeDeployFixture.GROUP)).deployments()).containsExactly(rollbackId, id);
    }

    static List<String> weights(List<ECSTaskSet> taskSets) {
        return taskSets.stream().map(t -> (t.taskSetLabel() == TargetLabel.BLUE ? "BLUE " : "GREEN ")
                + t.identifer() + " " + t.trafficWeight()).toList();
    }
}
