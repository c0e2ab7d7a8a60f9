package dev.greenlight.workers.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** What a step waits for when its worker answered "not yet": read from the history and the definition's Retry. */
class RetriedWaitTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:07:30Z");
    private static final String STALE = "dev.greenlight.workers.preflight.StaleAlarmStillFiring";
    /** Preflight's Retry as pipeline.asl.json has it, nested in nothing; a Parallel's branch state also found. */
    private static final JsonNode DEFINITION = AuditReport.json("""
            {"States": {
              "Preflight": {"Type": "Task", "Retry": [
                {"ErrorEquals": ["dev.greenlight.workers.preflight.DeploymentInProgress"], "IntervalSeconds": 60,
                 "BackoffRate": 1, "MaxAttempts": 30},
                {"ErrorEquals": ["dev.greenlight.workers.preflight.StaleAlarmStillFiring"], "IntervalSeconds": 30,
                 "BackoffRate": 1, "MaxAttempts": 20},
                {"ErrorEquals": ["Lambda.ServiceException"], "IntervalSeconds": 2, "BackoffRate": 2,
                 "MaxAttempts": 10, "MaxDelaySeconds": 60}]},
              "AwaitApproval": {"Type": "Parallel", "Branches": [{"States": {
                "WatchDuringApproval": {"Type": "Task", "Retry": [
                  {"ErrorEquals": ["States.ALL"], "IntervalSeconds": 5, "MaxAttempts": 2}]}}}]}}}""");

    private final List<HistoryEvent> events = new ArrayList<>();

    @Test
    void aCallerWhoMayNotReadTheDefinition_seesNoWait_andTheReadDoesNotFail() {
        SfnClient denied = new SfnClient() {
            @Override
            public DescribeStateMachineForExecutionResponse describeStateMachineForExecution(
                    DescribeStateMachineForExecutionRequest request) {
                throw (SfnException) SfnException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException").errorMessage("not authorized to perform: "
                                + "states:DescribeStateMachineForExecution").build()).build();
            }

            @Override
            public String serviceName() {
                return "states";
            }

            @Override
            public void close() {
            }
        };
        entered("Preflight", T0);
        failed(STALE, "alarm orders-blue-5xx still fires", T0);

        assertThat(RetriedWait.of(running(), () -> ExecutionHistory.definition(denied, "arn:execution"))).isEmpty();
    }

    @Test
    void preflightWaitingForAStaleAlarm_saysWhyHowOftenItLooks_andWhenTheReleaseFails() {
        entered("Preflight", T0);
        failed(STALE, "alarm orders-blue-5xx (target group orders-blue, in ALARM since 2026-01-01T00:07:00Z) still "
                + "fires", T0);
        failed(STALE, "alarm orders-blue-5xx still fires", T0.plusSeconds(30));
        scheduled(T0.plusSeconds(60));
        failed(STALE, "alarm orders-blue-5xx still fires, later", T0.plusSeconds(60));

        RetriedWait wait = RetriedWait.of(running(), () -> DEFINITION).orElseThrow();

        assertThat(wait.state()).isEqualTo("Preflight");
        assertThat(wait.errorName()).isEqualTo("StaleAlarmStillFiring");
        assertThat(wait.reason()).as("the worker's latest message").isEqualTo("alarm orders-blue-5xx still fires, later");
        assertThat(wait.since()).isEqualTo(T0);
        assertThat(wait.attempts()).isEqualTo(3);
        assertThat(wait.maxAttempts()).isEqualTo(20);
        assertThat(wait.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(wait.nextAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(wait.givesUpAt()).as("retries 3 to 20, 30 s apart, after the third failure")
                .isEqualTo(T0.plusSeconds(60 + 18 * 30));
    }

    @Test
    void exponentialBackoff_isCappedAtMaxDelaySeconds() {
        entered("Preflight", T0);
        failed("Lambda.ServiceException", "{\"errorMessage\": \"throttled\"}", T0);

        RetriedWait wait = RetriedWait.of(running(), () -> DEFINITION).orElseThrow();

        assertThat(wait.reason()).isEqualTo("throttled");
        assertThat(wait.nextAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(wait.givesUpAt()).as("2+4+8+16+32+60+60+60+60+60 s")
                .isEqualTo(T0.plusSeconds(2 + 4 + 8 + 16 + 32 + 60 * 5));
    }

    @Test
    void aStepInAParallelsBranch_isFoundInTheDefinition() {
        entered("WatchDuringApproval", T0);
        failed("Greenlight.Anything", "flaky", T0);

        assertThat(RetriedWait.of(running(), () -> DEFINITION)).get().extracting(RetriedWait::maxAttempts)
                .isEqualTo(2);
    }

    @Test
    void noWait_whenTheStepSucceeded_whenNoRetrierMatches_whenRetriesAreSpent_orWhenTheExecutionEnded() {
        entered("Preflight", T0);
        failed(STALE, "still fires", T0);
        add(HistoryEvent.builder().type(HistoryEventType.TASK_SUCCEEDED), T0.plusSeconds(30));
        assertThat(RetriedWait.of(running(), () -> DEFINITION)).as("answered").isEmpty();

        events.clear();
        entered("Preflight", T0);
        failed("Greenlight.NotRetried", "no", T0);
        assertThat(RetriedWait.of(running(), () -> DEFINITION)).as("caught, not retried").isEmpty();

        events.clear();
        entered("Preflight", T0);
        for (int attempt = 0; attempt <= 20; attempt++) {
            failed(STALE, "still fires", T0.plusSeconds(30L * attempt));
        }
        assertThat(RetriedWait.of(running(), () -> DEFINITION)).as("the 21st failure is caught").isEmpty();

        events.clear();
        entered("Preflight", T0);
        failed(STALE, "still fires", T0);
        ExecutionHistory ended = new ExecutionHistory(DescribeExecutionResponse.builder().name("x")
                .status(ExecutionStatus.ABORTED).build(), events);
        assertThat(RetriedWait.of(ended, () -> DEFINITION)).isEmpty();
        assertThat(RetriedWait.of(ExecutionHistory.NOT_STARTED, () -> DEFINITION)).isEmpty();
    }

    private ExecutionHistory running() {
        return new ExecutionHistory(DescribeExecutionResponse.builder().name("orders-3_1-abc")
                .status(ExecutionStatus.RUNNING).build(), List.copyOf(events));
    }

    private void entered(String state, Instant at) {
        add(HistoryEvent.builder().type(HistoryEventType.TASK_STATE_ENTERED).stateEnteredEventDetails(d -> d
                .name(state)), at);
        scheduled(at);
    }

    private void scheduled(Instant at) {
        add(HistoryEvent.builder().type(HistoryEventType.TASK_SCHEDULED).taskScheduledEventDetails(d -> d
                .resource("arn:aws:states:::lambda:invoke").resourceType("lambda").region("us-east-1")
                .parameters("{}")), at);
    }

    private void failed(String error, String message, Instant at) {
        String cause = message.startsWith("{") ? message
                : "{\"errorMessage\": \"" + message + "\", \"errorType\": \"" + error + "\", \"stackTrace\": []}";
        add(HistoryEvent.builder().type(HistoryEventType.TASK_FAILED).taskFailedEventDetails(d -> d.error(error)
                .cause(cause).resource("arn:aws:states:::lambda:invoke").resourceType("lambda")), at);
    }

    private void add(HistoryEvent.Builder event, Instant at) {
        events.add(event.id((long) events.size() + 1).previousEventId((long) events.size()).timestamp(at).build());
    }
}
