package dev.greenlight.statemachine.scenarios;

import static dev.greenlight.statemachine.scenarios.Invariants.Expected.failed;
import static dev.greenlight.statemachine.scenarios.Invariants.Expected.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Verdicts on evidence: green's own traffic against blue's, and what happens when there is none. */
class EvidenceScenariosTest {

    private Scenario scenario;

    @AfterEach
    void close() {
        scenario.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void noTrafficAndAGoodImage_isNeverReleasedBlind_rollsBackForInsufficientEvidence(Backend backend) {
        scenario = Scenario.quiet(backend);

        scenario.push("2.0", "healthy");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.InsufficientEvidence"));
        assertThat(done.cause()).contains("of the 100 requests a verdict needs", "canary.maxMinutes");
        assertThat(scenario.productionTags()).containsExactly("1.0");
        JsonNode analysis = Invariants.lastCanaryAnalysis(scenario, done.executionArn());
        assertThat(analysis.path("verdict").asText()).isEqualTo("INSUFFICIENT_EVIDENCE");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void noTrafficAndABadImage_neverSucceeds(Backend backend) {
        scenario = Scenario.quiet(backend);

        scenario.push("3.0", "errors:0.5");
        DescribeExecutionResponse done = scenario.runToEnd();

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).as("the smoke test's own requests may already show it; never a release")
                .isIn("Greenlight.InsufficientEvidence", "Greenlight.CanaryAnalysisFailed",
                        "Greenlight.SmokeTestFailed");
        Invariants.checkEnded(scenario);
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void lowErrorRateOnGreen_againstALowerOneOnBlue_failsTheAnalysisWithNoAlarmConfigured(Backend backend) {
        scenario = Scenario.analysisOnly("errors:0.002", backend);

        scenario.push("2.0", "errors:0.03");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.CanaryAnalysisFailed"));
        assertThat(done.cause()).contains("green's 5xx share", "above blue's", "fisher-exact");
        assertThat(scenario.productionTags()).containsExactly("1.0");
        JsonNode analysis = Invariants.lastCanaryAnalysis(scenario, done.executionArn());
        assertThat(analysis.path("errors").path("pValue").asDouble()).isLessThan(0.01);
        assertThat(analysis.path("blue").path("errorRate").asDouble()).isGreaterThan(0);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void goodImageUnderNoisyTraffic_asGoodAsBlue_isReleased(Backend backend) {
        scenario = Scenario.analysisOnly("errors:0.01", backend);
        scenario.burst(25, Duration.ofMinutes(3));

        scenario.push("2.0", "errors:0.01");
        scenario.runUntil(() -> !scenario.executions().isEmpty(), Duration.ofMinutes(1));
        scenario.clock.advance(Duration.ofMinutes(6));
        scenario.burst(40, Duration.ofMinutes(2));
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, succeeded());
        assertThat(scenario.productionTags()).containsExactly("2.0");
        JsonNode analysis = Invariants.lastCanaryAnalysis(scenario, done.executionArn());
        assertThat(analysis.path("green").path("errors").asLong()).as("green failed some requests, as blue does")
                .isGreaterThan(0);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void canaryShorterThanAnAlarmsTimeToFire_isRefusedNamingTheAlarm(Backend backend) {
        scenario = Scenario.withCanary(new Canary(10, 1), backend);

        scenario.push("2.0", "healthy");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.CanaryWindowTooShort"));
        assertThat(done.cause()).contains("alarm orders-blue-5xx", "alarm orders-green-5xx", "at least 2 minutes");
        assertThat(scenario.deployments()).isEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void afterARollback_theIdleTargetGroupsAlarm_doesNotBlockTheNextRelease(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.push("3.0", "errors:0.5");
        scenario.runToEnd();
        String rolledBack = scenario.executions().get(0).name();
        // The bad version's target group now serves no user; its alarm is still in ALARM right after the rollback.
        String idleAlarm = "orders-green-5xx";
        assertThat(scenario.twin.cloudWatch().describeAlarms(r -> r.alarmNames(idleAlarm)).metricAlarms().get(0)
                .stateValueAsString()).isEqualTo("ALARM");

        scenario.push("3.1", "healthy");
        scenario.runUntil(() -> scenario.executions().size() == 2, Duration.ofMinutes(1));
        scenario.runAllToEnd();

        String released = scenario.executions().stream().map(e -> e.name()).filter(name -> !name.equals(rolledBack))
                .findFirst().orElseThrow();
        Invariants.check(scenario, Map.of(rolledBack, failed("Greenlight.AlarmFired"), released, succeeded()));
        assertThat(scenario.productionTags()).containsExactly("3.1");
        String releasedArn = scenario.executions().stream().filter(e -> e.name().equals(released)).findFirst()
                .orElseThrow().executionArn();
        assertThat(scenario.taskErrors(releasedArn)).as("Preflight waited for CloudWatch to clear the stale alarm, "
                + "which the deployment's alarms would stop on, instead of failing AlarmAlreadyFiring")
                .contains("dev.greenlight.workers.preflight.StaleAlarmStillFiring");
    }

    /**
     * Found by the fault-schedule property on ECS: the service's own alarms are not set until the first
     * release sets them, yet they stop that release; an alarm on the idle target group still in ALARM
     * must be waited out on either backend, not let ECS roll the release back at once.
     */
    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void theIdleTargetGroupsAlarmFiringBeforeARelease_isWaitedOut_andTheReleaseGoesOut(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.twin.cloudWatch().setAlarmState(r -> r.alarmName("orders-green-5xx").stateValue(StateValue.ALARM)
                .stateReason("left firing by an earlier version"));

        scenario.push("2.0", "healthy");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, succeeded());
        assertThat(scenario.productionTags()).containsExactly("2.0");
        assertThat(scenario.taskErrors(done.executionArn())).as("Preflight waited for CloudWatch to clear it")
                .contains("dev.greenlight.workers.preflight.StaleAlarmStillFiring");
    }
}
