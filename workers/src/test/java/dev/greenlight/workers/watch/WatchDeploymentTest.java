package dev.greenlight.workers.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.greenlight.workers.analysis.EvidenceVerdict;
import dev.greenlight.workers.deploy.Canaries;
import dev.greenlight.workers.core.InvalidInput;
import dev.greenlight.workers.deploy.StartDeployment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.greenlight.workers.smoke.SmokeTags;
import software.amazon.awssdk.services.ecs.model.Tag;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

class WatchDeploymentTest {

    private final Canaries stage = new Canaries().withUsers(Duration.ofMinutes(40));
    private final WatchDeployment watch = new WatchDeployment(stage.twin.codeDeploy(), stage.twin.ecs(), stage.twin.cloudWatch(), stage.twin.elb(),
            stage.workerClock);

    @AfterEach
    void close() {
        stage.close();
    }

    @Test
    void badImageOnTheCanary_verdictTurnsAlarmOnGreensErrors() {
        WatchDeployment.Input input = watching(start("3.0", "errors:0.5"));

        List<WatchDeployment.Output> looks = pollUntil(input, out -> out.verdict() != Verdict.HEALTHY);

        WatchDeployment.Output last = looks.get(looks.size() - 1);
        assertThat(last.verdict()).isEqualTo(Verdict.ALARM);
        assertThat(last.windowOver()).isFalse();
        assertThat(last.alarms()).filteredOn(alarm -> alarm.firedAt() != null)
                .extracting(WatchDeployment.AlarmOut::name).containsExactly("orders-green-5xx");
        assertThat(looks.subList(0, looks.size() - 1)).allMatch(out -> out.verdict() == Verdict.HEALTHY);
    }

    @Test
    void goodImage_staysHealthyThroughTheWindow_andIsReadyToPromoteOnceAllTrafficIsOnGreen() {
        WatchDeployment.Input input = watching(start("2.0", "healthy"));

        List<WatchDeployment.Output> looks = pollUntil(input, out -> out.windowOver() && out.readyToPromote()
                || out.verdict() != Verdict.HEALTHY);

        assertThat(looks).allMatch(out -> out.verdict() == Verdict.HEALTHY);
        WatchDeployment.Output last = looks.get(looks.size() - 1);
        assertThat(last.deploymentStatus()).isEqualTo("InProgress");
        assertThat(stage.productionWeights()).containsEntry("orders-green", 100);
        assertThat(looks.get(0).readyToPromote()).isFalse();
        assertThat(looks.get(0).nextCheckSeconds()).isEqualTo(10);
        assertThat(last.alarms()).extracting(WatchDeployment.AlarmOut::state).containsOnly("OK");
    }

    @Test
    void alarmThatFlappedBetweenPolls_isSeenAlthoughCodeDeployMissedIt() {
        WatchDeployment.Input input = watching(start("2.0", "healthy"));
        stage.clock.advance(Duration.ofMinutes(2));
        assertThat(watch.apply(input).verdict()).isEqualTo(Verdict.HEALTHY);
        stage.clock.advance(Duration.ofSeconds(5));

        stage.twin.cloudWatch().setAlarmState(r -> r.alarmName("orders-blue-5xx").stateValue(StateValue.ALARM)
                .stateReason("a burst of 5xx"));
        Instant fired = stage.clock.now();
        stage.twin.cloudWatch().setAlarmState(r -> r.alarmName("orders-blue-5xx").stateValue(StateValue.OK)
                .stateReason("quiet again"));
        stage.clock.advance(Duration.ofSeconds(5));
        WatchDeployment.Output out = watch.apply(input);

        assertThat(out.verdict()).isEqualTo(Verdict.ALARM);
        assertThat(out.deploymentStatus()).as("CodeDeploy's own poll missed it").isEqualTo("InProgress");
        assertThat(out.alarms()).filteredOn(alarm -> alarm.name().equals("orders-blue-5xx")).singleElement()
                .satisfies(alarm -> {
                    assertThat(alarm.state()).isEqualTo("OK");
                    assertThat(alarm.firedAt()).isEqualTo(fired.toString());
                    assertThat(alarm.reason()).contains("a burst of 5xx");
                });
    }

    @Test
    void goodImageUnderUsers_evidencePassesAndTheShiftWaitsForIt_alarmsNamedByRole() {
        StartDeployment.Output started = start("2.0", "healthy");
        WatchDeployment.Input input = withEvidence(started, stage.config.alarms());

        List<WatchDeployment.Output> looks = pollUntil(input, out -> out.windowOver() && out.readyToPromote()
                || out.verdict() != Verdict.HEALTHY);

        assertThat(looks).allMatch(out -> out.verdict() == Verdict.HEALTHY);
        WatchDeployment.Output last = looks.get(looks.size() - 1);
        assertThat(last.analysis().verdict()).isEqualTo(EvidenceVerdict.PASS);
        assertThat(last.analysis().green().requests()).isGreaterThanOrEqualTo(100);
        assertThat(last.analysis().blue().requests()).isGreaterThan(last.analysis().green().requests());
        assertThat(Duration.between(Instant.parse(started.startedAt()), Instant.parse(last.checkedAt())))
                .as("CodeDeploy holds the canary share for maxMinutes").isGreaterThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(last.alarms()).extracting(WatchDeployment.AlarmOut::name, WatchDeployment.AlarmOut::role)
                .containsExactly(tuple("orders-blue-5xx", "blue"), tuple("orders-green-5xx", "green"));
    }

    @Test
    void badImageWithNoAlarmConfigured_analysisFailsOnGreensOwnTraffic() {
        stage.twin.codeDeploy().updateDeploymentGroup(r -> r.applicationName("orders")
                .currentDeploymentGroupName(stage.orders.deploymentGroup())
                .alarmConfiguration(a -> a.enabled(false)));
        WatchDeployment.Input input = withEvidence(start("3.0", "errors:0.05"), List.of());

        List<WatchDeployment.Output> looks = pollUntil(input, out -> out.verdict() != Verdict.HEALTHY);

        WatchDeployment.Output last = looks.get(looks.size() - 1);
        assertThat(last.verdict()).isEqualTo(Verdict.ANALYSIS_FAILED);
        assertThat(last.analysis().verdict()).isEqualTo(EvidenceVerdict.FAIL);
        assertThat(last.analysis().errors().statistic()).isEqualTo("fisher-exact");
        assertThat(last.analysis().errors().pValue()).isLessThan(0.01);
        assertThat(last.analysis().reason()).contains("green's 5xx share");
        assertThat(stage.productionWeights()).containsEntry("orders-green", 10);
    }

    @Test
    void noUsers_insufficientEvidenceOnceDue_beforeCodeDeployShiftsTheRest() {
        try (Canaries quiet = new Canaries()) {
            WatchDeployment quietWatch = new WatchDeployment(quiet.twin.codeDeploy(), quiet.twin.ecs(), quiet.twin.cloudWatch(),
                    quiet.twin.elb(), quiet.workerClock);
            StartDeployment.Output started = quiet.startDeployment().apply(new StartDeployment.Input(
                    quiet.release("3.0", "errors:0.5"), quiet.config));
            WatchDeployment.Input input = new WatchDeployment.Input(started.deploymentId(), quiet.config.alarms(),
                    started.startedAt(), 5, quiet.config.canary(), started.startedAt(),
                    WatchDeployment.EvidenceDue.AT_MAX_MINUTES);

            WatchDeployment.Output out;
            do {
                out = quietWatch.apply(input);
                quiet.clock.advance(Duration.ofSeconds(out.nextCheckSeconds()));
            } while (out.verdict() == Verdict.HEALTHY);

            assertThat(out.verdict()).isEqualTo(Verdict.INSUFFICIENT_EVIDENCE);
            assertThat(out.analysis().verdict()).isEqualTo(EvidenceVerdict.INSUFFICIENT_EVIDENCE);
            assertThat(out.analysis().reason()).contains("of the 100 requests");
            assertThat(out.checkedAt()).isEqualTo(out.evidenceDueAt());
            assertThat(out.readyToPromote()).as("decided before CodeDeploy shifts the rest").isFalse();
        }
    }

    @Test
    void smokeTestThatFailed_isDeploymentFailedWithCodeDeploysErrorCode() {
        stage.twin.lambda().register(Canaries.SMOKE_HOOK, event -> {
            stage.twin.codeDeploy().putLifecycleEventHookExecutionStatus(r -> r
                    .deploymentId(event.get("DeploymentId").asText())
                    .lifecycleEventHookExecutionId(event.get("LifecycleEventHookExecutionId").asText())
                    .status("Failed"));
            return null;
        });
        WatchDeployment.Input input = watching(start("2.0", "healthy"));

        List<WatchDeployment.Output> looks = pollUntil(input, out -> out.verdict() != Verdict.HEALTHY);

        WatchDeployment.Output last = looks.get(looks.size() - 1);
        assertThat(last.verdict()).isEqualTo(Verdict.DEPLOYMENT_FAILED);
        assertThat(last.deploymentStatus()).isEqualTo("Failed");
        assertThat(last.errorCode()).isEqualTo("HOOK_EXECUTION_FAILURE");
        assertThat(last.errorMessage()).contains("BeforeAllowTraffic");
    }

    @Test
    void anAlarmCloudWatchDoesNotHave_isAnErrorNamingIt() {
        StartDeployment.Output started = start("2.0", "healthy");
        WatchDeployment.Input input = new WatchDeployment.Input(started.deploymentId(),
                List.of("orders-green-5xx", "orders-latency"), started.startedAt(), 5);

        assertThatThrownBy(() -> watch.apply(input)).isInstanceOf(AlarmsNotFound.class)
                .hasMessageContaining("orders-latency").hasMessageNotContaining("orders-green-5xx,");
    }

    @Test
    void badInput_isRefusedWithEveryProblemNamed() {
        assertThatThrownBy(() -> watch.apply(new WatchDeployment.Input(null, null, "yesterday", -1)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("deploymentId is missing")
                .hasMessageContaining("alarms is missing")
                .hasMessageContaining("windowMinutes must be a whole number")
                .hasMessageContaining("windowStart must be an ISO-8601 instant")
                .hasMessageContaining("got yesterday");
    }

    @Test
    void historyItemWithoutReadableData_isReadFromItsSummary() {
        AlarmVerdicts.StateChange change = WatchDeployment.stateChange(AlarmHistoryItem.builder().alarmName("5xx")
                .timestamp(Instant.EPOCH).historySummary("Alarm updated from OK to ALARM").historyData("{oops")
                .build());

        assertThat(change.newState()).isEqualTo("ALARM");
    }

    @Test
    void smokeReportOnGreensTaskDefinition_isInEveryLookAfterTheHookTaggedIt() {
        String green = stage.release("2.0", "healthy");
        StartDeployment.Output started = stage.startDeployment().apply(new StartDeployment.Input(green, stage.config));
        WatchDeployment.Input input = watching(started);
        assertThat(watch.apply(input).smokeTest()).as("before the hook has tagged").isNull();

        tag(green, "greenlight:smoke", "FAILED", "greenlight:smoke:deployment", "d-ANOTHER",
                "greenlight:smoke:1", "GET /health 500 3ms 4 attempts failed: expected status 200 got 500");
        assertThat(watch.apply(input).smokeTest()).as("another deployment's report").isNull();

        tag(green, "greenlight:smoke", "SUCCEEDED", "greenlight:smoke:deployment", started.deploymentId(),
                "greenlight:smoke:1", "GET /health 200 14ms 1 attempt passed");
        stage.clock.advance(Duration.ofSeconds(10));
        assertThat(watch.apply(input).smokeTest()).isEqualTo(new SmokeTags.SmokeTest("SUCCEEDED",
                List.of("GET /health 200 14ms 1 attempt passed")));
    }

    private void tag(String taskDefinition, String... keysAndValues) {
        List<Tag> tags = new java.util.ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags.add(Tag.builder().key(keysAndValues[i]).value(keysAndValues[i + 1]).build());
        }
        stage.twin.ecs().tagResource(r -> r.resourceArn(taskDefinition).tags(tags));
    }

    private StartDeployment.Output start(String tag, String profile) {
        return stage.startDeployment().apply(new StartDeployment.Input(stage.release(tag, profile), stage.config));
    }

    private WatchDeployment.Input watching(StartDeployment.Output started) {
        return new WatchDeployment.Input(started.deploymentId(), stage.config.alarms(), started.startedAt(),
                stage.config.canary().minutes());
    }

    private WatchDeployment.Input withEvidence(StartDeployment.Output started, List<String> alarms) {
        return new WatchDeployment.Input(started.deploymentId(), alarms, started.startedAt(),
                stage.config.canary().minutes(), stage.config.canary(), started.startedAt(),
                WatchDeployment.EvidenceDue.AT_MAX_MINUTES);
    }

    /** Looks as the state machine does: again after nextCheckSeconds, until {@code done}, for at most 30 minutes. */
    private List<WatchDeployment.Output> pollUntil(WatchDeployment.Input input, Predicate<WatchDeployment.Output> done) {
        List<WatchDeployment.Output> looks = new ArrayList<>();
        Instant until = stage.clock.now().plus(Duration.ofMinutes(30));
        while (stage.clock.now().isBefore(until)) {
            WatchDeployment.Output out = watch.apply(input);
            looks.add(out);
            if (done.test(out)) {
                return looks;
            }
            stage.clock.advance(Duration.ofSeconds(out.nextCheckSeconds()));
        }
        throw new AssertionError("still watching after 30 minutes: " + looks.get(looks.size() - 1));
    }
}
