package dev.greenlight.statemachine.scenarios;

import static dev.greenlight.statemachine.scenarios.Invariants.Expected.failed;
import static dev.greenlight.statemachine.scenarios.Invariants.Expected.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.workers.config.ServiceConfig.Backend;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/** A pushed image through canary, bake or approval, to release or rollback: the verdicts people and alarms give. */
class ReleaseScenariosTest {

    private Scenario scenario;

    @AfterEach
    void close() {
        scenario.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void goodPush_withAutomaticApproval_isReleased(Backend backend) {
        scenario = Scenario.automaticApproval(backend);

        scenario.push("2.0", "healthy");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, succeeded());
        assertThat(done.name()).startsWith("orders-2_0-");
        assertThat(scenario.productionTags()).containsExactly("2.0");
        assertThat(scenario.smokeReports(done.executionArn())).as("the first gate's evidence, in the history")
                .isNotEmpty().allSatisfy(report -> {
                    assertThat(report.path("status").asText()).isEqualTo("SUCCEEDED");
                    assertThat(report.path("checks").get(0).asText()).matches("GET /health 200 \\d+ms 1 attempt passed");
                });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void manualApproval_answeredWithSendTaskSuccess_isReleased(Backend backend) {
        scenario = Scenario.manualApproval(backend);
        scenario.push("2.0", "healthy");

        String execution = awaitApproval();
        String token = scenario.approvalToken(execution).orElseThrow();
        assertThat(scenario.twin.sns().published(scenario.config.notifications().topicArn()))
                .as("the approval request people read").anySatisfy(message -> assertThat(message.message()).contains(token));
        scenario.twin.stepFunctions().sendTaskSuccess(r -> r.taskToken(token)
                .output("{\"approved\": true, \"by\": \"alice\", \"reason\": \"canary is clean\"}"));
        scenario.runToEnd();

        Invariants.check(scenario, succeeded());
        assertThat(scenario.productionTags()).containsExactly("2.0");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void manualApproval_rejectedWithSendTaskFailure_rollsBack(Backend backend) {
        scenario = Scenario.manualApproval(backend);
        scenario.push("2.0", "healthy");

        String token = scenario.approvalToken(awaitApproval()).orElseThrow();
        scenario.twin.stepFunctions().sendTaskFailure(r -> r.taskToken(token).error("Greenlight.ApprovalRejected")
                .cause("alice: the release notes are not out yet"));
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.ApprovalRejected"));
        assertThat(done.cause()).contains("the release notes are not out yet");
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void manualApproval_unansweredWithinItsTimeout_rollsBack(Backend backend) {
        scenario = Scenario.manualApproval(backend);
        scenario.push("2.0", "healthy");

        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.ApprovalTimedOut"));
        assertThat(done.cause()).contains("within 30 minutes");
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void imageWhosePagesFail_failsItsSmokeTest_andRollsBack(Backend backend) {
        scenario = Scenario.automaticApproval(backend);

        scenario.push("2.0", "errors:1.0");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.SmokeTestFailed"));
        assertThat(scenario.productionTags()).containsExactly("1.0");
        assertThat(scenario.smokeReports(done.executionArn())).as("the evidence the smoke test failed on")
                .isNotEmpty().allSatisfy(report -> {
                    assertThat(report.path("status").asText()).isEqualTo("FAILED");
                    assertThat(report.path("checks").get(0).asText()).matches("GET /health 200 \\d+ms 1 attempt passed");
                    assertThat(report.path("checks").toString()).containsPattern(
                            "\"GET /\\S* 500 \\d+ms \\d+ attempts failed: expected status 200 got 500\"");
                });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void alarmFiringDuringTheCanary_rollsBack(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.users();

        scenario.push("2.0", "errors:0.5");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.AlarmFired"));
        assertThat(done.cause()).contains("orders-green-5xx");
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void alarmFiringDuringTheBake_rollsBack(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.push("2.0", "healthy");
        String execution = onlyExecution();
        scenario.runUntil(() -> scenario.exited(execution, "WatchBake", 1), Duration.ofMinutes(30));

        setAlarm(StateValue.ALARM, "5xx from the new version during the bake");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.AlarmFired"));
        assertThat(done.cause()).contains("orders-green-5xx");
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void alarmThatFlappedBetweenTwoCanaryPolls_rollsBack(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.push("2.0", "healthy");
        String execution = onlyExecution();
        scenario.runUntil(() -> scenario.exited(execution, "WatchCanary", 1), Duration.ofMinutes(30));

        setAlarm(StateValue.ALARM, "a burst of 5xx");
        setAlarm(StateValue.OK, "the burst is over");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.AlarmFired"));
        assertThat(done.cause()).contains("orders-green-5xx");
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }

    /** Runs until the pushed image's canary is over and RequestApproval waits for people; returns the execution. */
    private String awaitApproval() {
        String execution = onlyExecution();
        scenario.runUntil(() -> scenario.approvalToken(execution).isPresent(), Duration.ofMinutes(30));
        return execution;
    }

    private String onlyExecution() {
        scenario.runUntil(() -> !scenario.executions().isEmpty(), Duration.ofMinutes(1));
        return scenario.executions().get(0).executionArn();
    }

    private void setAlarm(StateValue state, String reason) {
        scenario.twin.cloudWatch().setAlarmState(r -> r.alarmName("orders-green-5xx").stateValue(state)
                .stateReason(reason));
    }
}
