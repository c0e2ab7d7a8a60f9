package dev.greenlight.workers.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.greenlight.workers.analysis.Analysis;
import dev.greenlight.workers.analysis.CanaryAnalysis;
import dev.greenlight.workers.analysis.EvidenceVerdict;
import dev.greenlight.workers.analysis.Limits;
import dev.greenlight.workers.analysis.Roles;
import dev.greenlight.workers.analysis.Traffic;
import dev.greenlight.workers.backend.CodeDeployBackend;
import dev.greenlight.workers.watch.AlarmVerdicts.AlarmNow;
import dev.greenlight.workers.watch.AlarmVerdicts.Assessment;
import dev.greenlight.workers.watch.AlarmVerdicts.DeploymentState;
import dev.greenlight.workers.watch.AlarmVerdicts.StateChange;
import dev.greenlight.workers.watch.AlarmVerdicts.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;

class AlarmVerdictsTest {

    private static final Instant OPENED = Instant.parse("2026-01-01T12:00:00Z");
    private static final Window FIVE_MINUTES = new Window(OPENED, Duration.ofMinutes(5));
    private static final Instant NOW = OPENED.plusSeconds(120);
    private static final DeploymentState CANARY = state("InProgress", null, null, false);

    /** GetDeployment's status as the CodeDeploy backend reads it. */
    private static DeploymentState state(String status, String errorCode, String errorMessage,
            boolean terminationWaitStarted) {
        DeploymentInfo info = DeploymentInfo.builder().status(status)
                .instanceTerminationWaitTimeStarted(terminationWaitStarted).build();
        return new DeploymentState(CodeDeployBackend.phase(info), status, errorCode, errorMessage);
    }

    private static AlarmNow ok(String name) {
        return new AlarmNow(name, "OK", "Threshold Crossed: no datapoint breaching", OPENED.minusSeconds(3600));
    }

    private static AlarmNow alarm(String name, Instant since) {
        return new AlarmNow(name, "ALARM", "Threshold Crossed: 1 datapoint [7.0] >= 1.0", since);
    }

    private static StateChange change(String name, Instant at, String to) {
        return new StateChange(name, at, to, "went to " + to);
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                arguments("all alarms OK during the canary", CANARY, List.of(ok("5xx"), ok("latency")), List.of(),
                        Verdict.HEALTHY),
                arguments("an alarm in ALARM now", CANARY, List.of(ok("5xx"), alarm("latency", NOW.minusSeconds(5))),
                        List.of(change("latency", NOW.minusSeconds(5), "ALARM")), Verdict.ALARM),
                arguments("an alarm already in ALARM when the window opened", CANARY,
                        List.of(alarm("5xx", OPENED.minusSeconds(600))), List.of(), Verdict.ALARM),
                arguments("an alarm that flapped to ALARM and back between polls", CANARY, List.of(
                        new AlarmNow("5xx", "OK", "back to normal", NOW.minusSeconds(20))),
                        List.of(change("5xx", NOW.minusSeconds(80), "ALARM"), change("5xx", NOW.minusSeconds(20), "OK")),
                        Verdict.ALARM),
                arguments("an alarm that went to ALARM and back before the window opened", CANARY, List.of(ok("5xx")),
                        List.of(change("5xx", OPENED.minusSeconds(60), "ALARM"),
                                change("5xx", OPENED.minusSeconds(30), "OK")), Verdict.HEALTHY),
                arguments("an alarm without data", CANARY,
                        List.of(new AlarmNow("5xx", "INSUFFICIENT_DATA", "no data", OPENED)),
                        List.of(change("5xx", OPENED.plusSeconds(1), "INSUFFICIENT_DATA")), Verdict.HEALTHY),
                arguments("another alarm's ALARM in the history", CANARY, List.of(ok("5xx")),
                        List.of(change("unwatched", NOW.minusSeconds(10), "ALARM")), Verdict.HEALTHY),
                arguments("the smoke test failed", state("Failed", "HOOK_EXECUTION_FAILURE",
                        "BeforeAllowTraffic hook reported Failed", false), List.of(ok("5xx")), List.of(),
                        Verdict.DEPLOYMENT_FAILED),
                arguments("CodeDeploy stopped on its own alarm poll, the alarm since back to OK",
                        state("Stopped", "ALARM_ACTIVE", "Activated alarms: <5xx>", false),
                        List.of(new AlarmNow("5xx", "OK", "back", NOW.minusSeconds(1))),
                        List.of(change("5xx", NOW.minusSeconds(40), "ALARM")), Verdict.ALARM),
                arguments("someone stopped the deployment", state("Stopped", "MANUAL_STOP", "stopped",
                        false), List.of(ok("5xx")), List.of(), Verdict.DEPLOYMENT_FAILED),
                arguments("CodeDeploy finished: blue is gone", state("Succeeded", null, null, true),
                        List.of(ok("5xx")), List.of(), Verdict.DEPLOYMENT_SUCCEEDED),
                arguments("no alarms configured", CANARY, List.of(), List.of(), Verdict.HEALTHY));
    }

    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("verdicts")
    void verdict(String situation, DeploymentState deployment, List<AlarmNow> alarms, List<StateChange> history,
            Verdict expected) {
        assertThat(AlarmVerdicts.assess(deployment, alarms, history, FIVE_MINUTES, NOW).verdict()).isEqualTo(expected);
    }

    @Test
    void alarmThatFlappedBetweenPolls_rollsBackAndReportsWhenItFired() {
        Assessment assessment = AlarmVerdicts.assess(CANARY,
                List.of(new AlarmNow("5xx", "OK", "back to normal", NOW.minusSeconds(20)), ok("latency")),
                List.of(change("5xx", NOW.minusSeconds(80), "ALARM"), change("5xx", NOW.minusSeconds(20), "OK"),
                        change("5xx", NOW.minusSeconds(15), "ALARM"), change("5xx", NOW.minusSeconds(10), "OK")),
                FIVE_MINUTES, NOW);

        assertThat(assessment.verdict()).isEqualTo(Verdict.ALARM);
        assertThat(assessment.verdict().rollsBack()).isTrue();
        assertThat(assessment.alarms()).hasSize(2);
        assertThat(assessment.alarms().get(0).state()).isEqualTo("OK");
        assertThat(assessment.alarms().get(0).firedAt()).isEqualTo(NOW.minusSeconds(80));
        assertThat(assessment.alarms().get(0).reason()).contains("went to ALARM").contains("back to OK");
        assertThat(assessment.alarms().get(1).firedAt()).isNull();
    }

    @ParameterizedTest(name = "{0} with termination wait {1}: readyToPromote {2}")
    @CsvSource({
            "InProgress, false, false",
            "InProgress, true, true",
            "Ready, false, true",
            "Created, false, false",
            "Succeeded, true, false",
            "Stopped, true, false"})
    void readyToPromote_onlyWithAllTrafficOnGreenAndBlueKept_orWaitingToBeLetOn(String status,
            boolean terminationWaitStarted, boolean ready) {
        Assessment assessment = AlarmVerdicts.assess(state(status, null, null, terminationWaitStarted),
                List.of(), List.of(), FIVE_MINUTES, NOW);

        assertThat(assessment.readyToPromote()).isEqualTo(ready);
    }

    @ParameterizedTest(name = "{0} s into a {1}-minute window: over {2}, next check in {3} s")
    @CsvSource({
            "0, 5, false, 10",          // ceil(300 / 150) = 2, at least 10
            "120, 5, false, 10",
            "295, 5, false, 5",         // never past the window's end
            "299.5, 5, false, 1",       // at least 1
            "300, 5, true, 10",         // the window's end is over
            "900, 5, true, 10",
            "0, 60, false, 24",         // ceil(3600 / 150)
            "0, 2880, false, 1152",     // a 48-hour bake: 150 looks
            "0, 6000, false, 1800",     // at most 30 minutes
            "0, 0, true, 10"})
    void nextCheck_isAbout150LooksAWindow_within10sAnd30min_neverPastTheEnd(double secondsIn, int windowMinutes,
            boolean over, long nextCheck) {
        Instant now = OPENED.plusMillis((long) (secondsIn * 1000));
        Assessment assessment = AlarmVerdicts.assess(CANARY, List.of(), List.of(),
                new Window(OPENED, Duration.ofMinutes(windowMinutes)), now);

        assertThat(assessment.windowOver()).isEqualTo(over);
        assertThat(assessment.nextCheckSeconds()).isEqualTo(nextCheck);
    }

    private static final Roles ROLES = new Roles("orders-blue", "orders-green");

    private static Analysis analysis(EvidenceVerdict verdict) {
        long green = verdict == EvidenceVerdict.INSUFFICIENT_EVIDENCE ? 10 : 500;
        long errors = verdict == EvidenceVerdict.FAIL ? 100 : 0;
        return CanaryAnalysis.analyse(new Traffic(green, errors, green, green * 0.01),
                new Traffic(4500, 0, 4500, 45), new Limits(100, 0.99, 0.01, 1.5));
    }

    /** The analysis, the evidence deadline and CodeDeploy's status: which verdict wins. */
    @ParameterizedTest(name = "analysis {0}, evidence due {1}, deployment {2} -> {3}")
    @CsvSource({
        "PASS, false, InProgress, HEALTHY",
        "PASS, true, InProgress, HEALTHY",
        "FAIL, false, InProgress, ANALYSIS_FAILED",
        "INSUFFICIENT_EVIDENCE, false, InProgress, HEALTHY",
        "INSUFFICIENT_EVIDENCE, true, InProgress, INSUFFICIENT_EVIDENCE",
        "INSUFFICIENT_EVIDENCE, false, Succeeded, INSUFFICIENT_EVIDENCE",
        "PASS, false, Succeeded, DEPLOYMENT_SUCCEEDED",
        "FAIL, false, Failed, DEPLOYMENT_FAILED"})
    void evidenceVerdicts(EvidenceVerdict evidence, boolean due, String status, Verdict verdict) {
        Instant deadline = due ? NOW.minusSeconds(1) : NOW.plusSeconds(600);
        Assessment assessment = AlarmVerdicts.assess(state(status, null, null, false), List.of(ok("5xx")),
                List.of(), FIVE_MINUTES, NOW, ROLES, OPENED, analysis(evidence), deadline);

        assertThat(assessment.verdict()).isEqualTo(verdict);
        assertThat(assessment.verdict().rollsBack()).isEqualTo(verdict == Verdict.ANALYSIS_FAILED
                || verdict == Verdict.INSUFFICIENT_EVIDENCE || verdict == Verdict.DEPLOYMENT_FAILED);
    }

    @Test
    void greenAlarmInAlarmSinceBeforeThisVersionServed_isStale_butABlueOneStillFires() {
        List<AlarmNow> alarms = List.of(
                new AlarmNow("orders-green-5xx", "ALARM", "left over", OPENED.minusSeconds(90), "orders-green"),
                new AlarmNow("orders-blue-5xx", "OK", "fine", OPENED.minusSeconds(3600), "orders-blue"));

        Assessment stale = AlarmVerdicts.assess(CANARY, alarms, List.of(), FIVE_MINUTES, NOW, ROLES, OPENED, null, null);

        assertThat(stale.verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(stale.alarms()).extracting(AlarmVerdicts.AlarmReport::role).containsExactly("green", "blue");
        assertThat(stale.alarms().get(0).reason()).contains("left over from the previous version on orders-green");

        List<AlarmNow> blueFiring = List.of(
                new AlarmNow("orders-blue-5xx", "ALARM", "5xx", OPENED.minusSeconds(90), "orders-blue"));
        assertThat(AlarmVerdicts.assess(CANARY, blueFiring, List.of(), FIVE_MINUTES, NOW, ROLES, OPENED, null, null)
                .verdict()).isEqualTo(Verdict.ALARM);
    }

    @Test
    void nextLook_comesOnTimeForTheEvidenceDeadlineAfterTheWindow() {
        Instant deadline = FIVE_MINUTES.end().plusSeconds(25);

        assertThat(AlarmVerdicts.nextCheckSeconds(FIVE_MINUTES, FIVE_MINUTES.end().plusSeconds(20), deadline))
                .isEqualTo(5);
        assertThat(AlarmVerdicts.nextCheckSeconds(FIVE_MINUTES, deadline.plusSeconds(1), deadline)).isEqualTo(10);
    }
}
