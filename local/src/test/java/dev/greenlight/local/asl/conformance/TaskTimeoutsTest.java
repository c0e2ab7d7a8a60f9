package dev.greenlight.local.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import dev.greenlight.local.asl.eval.HistoryEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TimeoutSeconds and HeartbeatSeconds of a Task and their Path forms (developer guide, "Task workflow
 * state": a task that runs longer than TimeoutSeconds fails with States.Timeout, one that goes longer
 * than HeartbeatSeconds between heartbeats with States.HeartbeatTimeout), and the state machine's own
 * TimeoutSeconds (DescribeExecution: TIMED_OUT, no error or cause; measured in floci-io/floci issue 2733).
 */
class TaskTimeoutsTest {

    @ParameterizedTest(name = "{0} → {2} after {3}s")
    @CsvSource(delimiter = '|', value = {
            "\"TimeoutSeconds\":10                            | {}                  | States.Timeout          | 10",
            "\"TimeoutSecondsPath\":\"$.t\"                   | {\"t\":7}           | States.Timeout          | 7",
            "\"TimeoutSeconds\":100,\"HeartbeatSeconds\":5    | {}                  | States.HeartbeatTimeout | 5",
            "\"TimeoutSeconds\":100,\"HeartbeatSecondsPath\":\"$.h\" | {\"h\":4}    | States.HeartbeatTimeout | 4",
            "\"TimeoutSeconds\":3,\"HeartbeatSeconds\":2      | {}                  | States.HeartbeatTimeout | 2",
    })
    void taskThatNeverAnswersTimesOut(String fields, String input, String error, int seconds) {
        Clocked run = new Clocked(Clocked.never());
        Execution execution = run.start("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",%s,
                  "End":true}}}""".formatted(fields), input);
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo(error);
        HistoryEvent timedOut = execution.history().events().stream()
                .filter(event -> event.type().equals("TaskTimedOut")).findFirst().orElseThrow();
        assertThat(timedOut.detailsField()).isEqualTo("taskTimedOutEventDetails");
        assertThat(timedOut.details().path("error").asText()).isEqualTo(error);
        assertThat(timedOut.details().path("resourceType").asText()).isEqualTo("lambda");
        assertThat(timedOut.details().path("resource").asText()).isEqualTo("invoke");
    }

    /** A caught timeout's error output has an empty Cause, as AWS gives it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"TimeoutSeconds\":10                         | States.Timeout",
            "\"TimeoutSeconds\":100,\"HeartbeatSeconds\":5 | States.HeartbeatTimeout",
    })
    void caughtTimeoutCarriesAnEmptyCause(String fields, String error) {
        Clocked run = new Clocked(Clocked.never());
        Execution execution = run.start("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",%s,
                  "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Caught"}],"End":true},
                  "Caught":{"Type":"Pass","End":true}}}""".formatted(fields), "{\"a\":1}");
        run.finish(execution);
        assertThat(execution.output()).isEqualTo(Clocked.json("{\"a\":1,\"error\":{\"Error\":\"" + error
                + "\",\"Cause\":\"\"}}"));
    }

    /** Each retry of a timed-out task gets the whole TimeoutSeconds again. */
    @Test
    void retriedTimeoutStartsAFreshTimer() {
        Clocked run = new Clocked(Clocked.never());
        Execution execution = run.start("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "TimeoutSeconds":10,"Retry":[{"ErrorEquals":["States.Timeout"],"IntervalSeconds":1,"MaxAttempts":1}],
                  "End":true}}}""", "{}");
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(21));
        assertThat(run.calls).hasSize(2);
    }

    @Test
    void executionTimeoutSeconds_endsTimedOutWithoutErrorOrCause() {
        Clocked run = new Clocked(Clocked.never());
        Execution execution = run.start("""
                {"StartAt":"W","TimeoutSeconds":3,"States":{"W":{"Type":"Wait","Seconds":25,"End":true}}}""", "{}");
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(3));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(execution.error()).isNull();
        assertThat(execution.cause()).isNull();
        HistoryEvent last = execution.history().events().get(execution.history().size() - 1);
        assertThat(last.type()).isEqualTo("ExecutionTimedOut");
        assertThat(last.details().path("error").asText()).isEqualTo("States.Timeout");
        assertThat(Clocked.types(execution)).containsExactly("ExecutionStarted", "WaitStateEntered",
                "ExecutionTimedOut");
    }

    /** StopExecution ends a running execution ABORTED with the error and cause it was given. */
    @Test
    void stopExecution_endsAborted() {
        Clocked run = new Clocked(Clocked.never());
        Execution execution = run.start("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""", "{}");
        run.clock.advance(Duration.ofSeconds(10));
        run.engine.stop(execution.executionArn(), "Operator", "stopped by hand");
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(10));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(execution.error()).isEqualTo("Operator");
        assertThat(execution.cause()).isEqualTo("stopped by hand");
        assertThat(Clocked.types(execution)).containsExactly("ExecutionStarted", "WaitStateEntered",
                "ExecutionAborted");
        run.clock.runUntilIdle();
        assertThat(Clocked.types(execution)).hasSize(3);
    }
}
