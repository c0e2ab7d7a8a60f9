package dev.greenlight.local.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Retry and Catch, from the developer guide's "Handling errors in Step Functions workflows"
 * (docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html): a retrier waits
 * IntervalSeconds × BackoffRate^n before retry n+1, at most MaxDelaySeconds; MaxAttempts 0 never
 * retries; catchers are tried in order; States.ALL catches neither States.Runtime nor
 * States.DataLimitExceeded; States.TaskFailed matches everything but States.Timeout.
 */
class RetryCatchTest {

    private static String failingTask(String retrier) {
        return """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Retry":[%s],"End":true}}}""".formatted(retrier);
    }

    private static Clocked alwaysFailing() {
        return new Clocked(call -> CompletableFuture.failedFuture(new StatesException("Custom.Error", "again")));
    }

    @ParameterizedTest(name = "{0}: {1} calls in {2}s")
    @CsvSource(delimiter = '|', value = {
            "{'ErrorEquals':['States.ALL'],'IntervalSeconds':2,'BackoffRate':2,'MaxAttempts':3} | 4 | 14",
            "{'ErrorEquals':['States.ALL']} | 4 | 7",
            "{'ErrorEquals':['States.ALL'],'IntervalSeconds':1,'BackoffRate':1.5,'MaxAttempts':3} | 4 | 4.75",
            "{'ErrorEquals':['States.ALL'],'IntervalSeconds':3,'BackoffRate':3,'MaxAttempts':3,'MaxDelaySeconds':5} | 4 | 13",
            "{'ErrorEquals':['States.ALL'],'IntervalSeconds':5,'MaxAttempts':0} | 1 | 0",
            "{'ErrorEquals':['Other'],'IntervalSeconds':5} | 1 | 0",
            "{'ErrorEquals':['States.TaskFailed'],'IntervalSeconds':1,'BackoffRate':1,'MaxAttempts':2} | 3 | 2",
    })
    void retriesWaitTheBackoffInVirtualTime(String retrier, int calls, double seconds) {
        Clocked run = alwaysFailing();
        Execution execution = run.start(failingTask(retrier.replace('\'', '"')), "{}");
        Duration elapsed = run.finish(execution);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("Custom.Error");
        assertThat(execution.cause()).isEqualTo("again");
        assertThat(run.calls).hasSize(calls);
        assertThat(elapsed).isEqualTo(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** Each retrier counts its own attempts; the first that matches an error is the one used. */
    @Test
    void firstMatchingRetrierCountsItsOwnAttempts() {
        Clocked run = alwaysFailing();
        Execution execution = run.start(failingTask("""
                {"ErrorEquals":["Custom.Error"],"IntervalSeconds":10,"MaxAttempts":1},
                {"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":5}"""), "{}");
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(10));
        assertThat(run.calls).extracting(call -> call.attempt()).containsExactly(0, 1);
    }

    @ParameterizedTest(name = "ResultPath {0}")
    @CsvSource(delimiter = '|', value = {
            "$.error    | {\"keep\":1,\"error\":{\"Error\":\"Custom.Error\",\"Cause\":\"again\"}}",
            "null       | {\"keep\":1}",
            "$          | {\"Error\":\"Custom.Error\",\"Cause\":\"again\"}",
    })
    void catcherResultPathPlacesTheErrorOutput(String resultPath, String output) {
        Clocked run = alwaysFailing();
        Execution execution = run.start("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":%s,"Next":"Handled"}],"End":true},
                  "Handled":{"Type":"Pass","End":true}}}"""
                .formatted(resultPath.equals("null") ? "null" : '"' + resultPath + '"'),
                "{\"keep\":1}");
        run.finish(execution);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.write(execution.output())).isEqualTo(output);
    }

    @ParameterizedTest(name = "{0} is caught by {1}")
    @CsvSource({
            "Custom.Error, Specific",
            "Other.Error,  TaskFailed",
            "States.Timeout, All",
    })
    void catchersAreTriedInOrder(String error, String handler) {
        Clocked run = new Clocked(call -> CompletableFuture.failedFuture(new StatesException(error, "c")));
        Execution execution = run.start("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Catch":[{"ErrorEquals":["Custom.Error"],"Next":"Specific"},
                           {"ErrorEquals":["States.TaskFailed"],"Next":"TaskFailed"},
                           {"ErrorEquals":["States.ALL"],"Next":"All"}],"End":true},
                  "Specific":{"Type":"Pass","Result":"Specific","End":true},
                  "TaskFailed":{"Type":"Pass","Result":"TaskFailed","End":true},
                  "All":{"Type":"Pass","Result":"All","End":true}}}""", "{}");
        run.finish(execution);
        assertThat(execution.output().asText()).isEqualTo(handler);
    }

    /** TimeoutSeconds ends the task with States.Timeout, which States.TaskFailed does not match. */
    @Test
    void taskFailedDoesNotMatchATimeout() {
        Clocked run = new Clocked(Clocked.never());
        Execution execution = run.start("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "TimeoutSeconds":3,"Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Caught"}],"End":true},
                  "Caught":{"Type":"Succeed"}}}""", "{}");
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(3));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.Timeout");
    }

    /** States.Runtime (here a ResultPath that cannot be applied to a string input) is never caught by States.ALL. */
    @Test
    void statesAllDoesNotCatchStatesRuntime() {
        Clocked run = new Clocked(call -> CompletableFuture.completedFuture(Json.parse("{}")));
        Execution execution = run.start("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "InputPath":"$.missing","Retry":[{"ErrorEquals":["States.ALL"]}],
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
                  "Caught":{"Type":"Succeed"}}}""", "{}");
        assertThat(run.finish(execution)).isZero();
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(run.calls).isEmpty();
    }

    /**
     * A task result above 256 KiB is States.DataLimitExceeded, which a Catch on States.ALL takes
     * (issue 14, from executions recorded on AWS; the guide calls the error terminal).
     */
    @Test
    void taskResultOverThePayloadLimitIsCaughtByStatesAll() {
        String big = "x".repeat(256 * 1024);
        Clocked run = new Clocked(call -> CompletableFuture.completedFuture(Json.NODES.textNode(big)));
        Execution execution = run.start("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
                  "Caught":{"Type":"Succeed"}}}""", "{}");
        run.finish(execution);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(Json.parse("""
                {"Error":"States.DataLimitExceeded","Cause":"The state/task 'T' returned a result with a size \
                exceeding the maximum number of bytes service limit."}"""));
    }

    /**
     * A state output above 256 KiB, its task's result small, is the terminal States.DataLimitExceeded
     * that States.ALL does not catch (guide, "States.DataLimitExceeded").
     */
    @Test
    void stateOutputOverThePayloadLimitIsTerminal() {
        String half = "x".repeat(140 * 1024);
        Clocked run = new Clocked(call -> CompletableFuture.completedFuture(Json.NODES.textNode(half)));
        Execution execution = run.start("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "ResultPath":"$.result","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
                  "Caught":{"Type":"Succeed"}}}""", "{\"input\":\"" + half + "\"}");
        run.finish(execution);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(execution.cause()).isEqualTo("The state/task 'T' returned a result with a size exceeding the "
                + "maximum number of bytes service limit.");
    }
}
