package dev.greenlight.local.aws.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.ErrorCode;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.StopStatus;

/** Failed hooks, hooks that never answer, alarms and StopDeployment, each with and without rollback. */
class RollbackTest {

    private final CodeDeployFixture fixture = new CodeDeployFixture();

    @Test
    void failedHook_failsTheDeploymentAndRollsBackToBlue() {
        fixture.group();
        fixture.hooks.answers.put("smoke", LifecycleEventStatus.FAILED);
        String id = fixture.deploy(CodeDeployFixture.appSpec("AfterAllowTestTraffic", "smoke"));

        fixture.runFor(Duration.ofSeconds(1));

        DeploymentInfo info = fixture.info(id);
        assertThat(info.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(info.errorInformation().code()).isEqualTo(ErrorCode.HOOK_EXECUTION_FAILURE);
        assertThat(info.rollbackInfo().rollbackDeploymentId()).isNotNull();
        assertThat(fixture.eventStatuses(id)).containsExactly("BeforeInstall=Skipped", "Install=Succeeded",
                "AfterInstall=Skipped", "AllowTestTraffic=Succeeded", "AfterAllowTestTraffic=Failed",
                "BeforeAllowTraffic=Skipped", "AllowTraffic=Skipped", "AfterAllowTraffic=Skipped");
        assertThat(fixture.rerouting.calls).endsWith("production 100/0", "test tg-blue", "delete ts-green-1");
        assertThat(fixture.rerouting.primaryTaskSet).isEqualTo("ts-blue");
    }

    @Test
    void failedHookWithoutAutoRollback_leavesTheReplacementInPlace() {
        fixture.group(g -> g.autoRollbackConfiguration(r -> r.enabled(false)));
        fixture.hooks.answers.put("smoke", LifecycleEventStatus.FAILED);
        String id = fixture.deploy(CodeDeployFixture.appSpec("AfterAllowTestTraffic", "smoke"));

        fixture.runFor(Duration.ofSeconds(1));

        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(fixture.info(id).rollbackInfo()).isNull();
        assertThat(fixture.rerouting.deletedTaskSets).isEmpty();
    }

    @Test
    void hookThatNeverAnswers_failsTheDeploymentAfterOneHour() {
        fixture.group();
        String id = fixture.deploy(CodeDeployFixture.appSpec("BeforeAllowTraffic", "silent"));

        fixture.runFor(Duration.ofMinutes(59).plusSeconds(59));
        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(fixture.event(id, "BeforeAllowTraffic").status()).isEqualTo(LifecycleEventStatus.IN_PROGRESS);

        fixture.runFor(Duration.ofSeconds(1));
        DeploymentInfo info = fixture.info(id);
        assertThat(info.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(info.errorInformation().code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(fixture.event(id, "BeforeAllowTraffic").status()).isEqualTo(LifecycleEventStatus.FAILED);
        assertThat(fixture.rerouting.deletedTaskSets).containsExactly("ts-green-1");

        FakeHooks.Invocation late = fixture.hooks.invocations.get(0);
        assertThatThrownBy(() -> fixture.client.putLifecycleEventHookExecutionStatus(b -> b.deploymentId(id)
                .lifecycleEventHookExecutionId(late.executionId()).status(LifecycleEventStatus.SUCCEEDED)))
                .isInstanceOf(LifecycleEventAlreadyCompletedException.class);
    }

    @Test
    void alarmDuringAllowTraffic_stopsTheDeploymentAndRollsBack() {
        fixture.group();
        String id = fixture.deploy(CodeDeployFixture.appSpec());
        fixture.runFor(Duration.ofMinutes(2));
        assertThat(fixture.rerouting.greenPercent()).isEqualTo(10);

        fixture.alarms.inAlarm.add(CodeDeployFixture.ALARM);
        fixture.runFor(Duration.ofSeconds(30));

        DeploymentInfo info = fixture.info(id);
        assertThat(info.status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(info.errorInformation().code()).isEqualTo(ErrorCode.ALARM_ACTIVE);
        assertThat(info.errorInformation().message()).contains(CodeDeployFixture.ALARM);
        assertThat(fixture.event(id, "AllowTraffic").status()).isEqualTo(LifecycleEventStatus.FAILED);
        assertThat(fixture.rerouting.greenPercent()).isZero();
        assertThat(fixture.rerouting.deletedTaskSets).containsExactly("ts-green-1");
        assertThat(info.rollbackInfo().rollbackDeploymentId()).isNotNull();

        int polls = fixture.alarms.polls.size();
        fixture.runFor(Duration.ofMinutes(10));
        assertThat(fixture.alarms.polls).hasSize(polls);
        assertThat(fixture.rerouting.greenPercent()).isZero();
    }

    @Test
    void alarmWithoutStopOnAlarmRollback_stopsButKeepsTrafficWhereItWas() {
        fixture.group(g -> g.autoRollbackConfiguration(r -> r.enabled(true)
                .events(AutoRollbackEvent.DEPLOYMENT_FAILURE)));
        String id = fixture.deploy(CodeDeployFixture.appSpec());
        fixture.runFor(Duration.ofMinutes(1));

        fixture.alarms.inAlarm.add(CodeDeployFixture.ALARM);
        fixture.runFor(Duration.ofSeconds(30));

        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(fixture.info(id).rollbackInfo()).isNull();
        assertThat(fixture.rerouting.greenPercent()).isEqualTo(10);
    }

    @Test
    void alarmsThatCannotBeRead_stopTheDeploymentUnlessPollFailuresAreIgnored() {
        for (boolean ignore : List.of(false, true)) {
            CodeDeployFixture run = new CodeDeployFixture();
            run.group(g -> g.alarmConfiguration(a -> a.enabled(true).ignorePollAlarmFailure(ignore)
                    .alarms(x -> x.name(CodeDeployFixture.ALARM))));
            run.alarms.unavailable = true;
            String id = run.deploy(CodeDeployFixture.appSpec());

            run.runFor(Duration.ofMinutes(11));

            assertThat(run.info(id).status()).as("ignorePollAlarmFailure=" + ignore)
                    .isEqualTo(ignore ? DeploymentStatus.SUCCEEDED : DeploymentStatus.STOPPED);
        }
    }

    @Test
    void stopDeploymentWithRollback_putsTrafficBackOnBlue() {
        fixture.group();
        String id = fixture.deploy(CodeDeployFixture.appSpec());
        fixture.runFor(Duration.ofMinutes(1));

        var response = fixture.client.stopDeployment(b -> b.deploymentId(id).autoRollbackEnabled(true));

        assertThat(response.status()).isEqualTo(StopStatus.SUCCEEDED);
        DeploymentInfo info = fixture.info(id);
        assertThat(info.status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(info.errorInformation().code()).isEqualTo(ErrorCode.MANUAL_STOP);
        assertThat(info.rollbackInfo().rollbackDeploymentId()).isNotNull();
        assertThat(fixture.rerouting.greenPercent()).isZero();
        assertThat(fixture.rerouting.deletedTaskSets).containsExactly("ts-green-1");
    }

    @Test
    void stopDeploymentWithoutRollback_leavesTrafficAsItWas() {
        fixture.group();
        String id = fixture.deploy(CodeDeployFixture.appSpec());
        fixture.runFor(Duration.ofMinutes(1));

        fixture.client.stopDeployment(b -> b.deploymentId(id).autoRollbackEnabled(false));
        fixture.runFor(Duration.ofMinutes(10));

        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(fixture.info(id).rollbackInfo()).isNull();
        assertThat(fixture.rerouting.greenPercent()).isEqualTo(10);
    }
}
