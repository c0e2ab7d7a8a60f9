package dev.greenlight.local.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import dev.greenlight.local.asl.eval.TaskTokenException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code .waitForTaskToken}, from the developer guide's "Wait for a Callback with Task Token"
 * (docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token): the task
 * pauses until SendTaskSuccess or SendTaskFailure returns the token; HeartbeatSeconds needs a
 * SendTaskHeartbeat in every interval. SendTaskSuccess lists InvalidToken, TaskDoesNotExist and
 * TaskTimedOut as its errors (API reference, SendTaskSuccess); TaskTimedOut is "The task token has either
 * expired or the task associated with the token has already been closed".
 */
class TaskTokenTest {

    private static final String WAITING = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"FunctionName":"worker","Payload":{"token.$":"$$.Task.Token"}},
              "HeartbeatSeconds":10,"TimeoutSeconds":300,"ResultPath":"$.answer","End":true}}}""";

    /** The invocation that hands the token out returns at once; the answer comes later. */
    private final Clocked run = new Clocked(call -> CompletableFuture.completedFuture(
            Json.parse("{\"StatusCode\":202}")));

    @Test
    void sendTaskSuccess_resumesWithTheOutput() {
        Execution execution = run.start(WAITING, "{\"id\":1}");
        String token = run.tokenOfCall(1);
        assertThat(run.calls.get(0).input().path("Payload").path("token").asText()).isEqualTo(token);
        run.clock.advance(Duration.ofSeconds(5));
        run.engine.sendTaskSuccess(token, Json.parse("{\"ok\":true}"));
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(5));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.write(execution.output())).isEqualTo("{\"id\":1,\"answer\":{\"ok\":true}}");
        assertThat(Clocked.types(execution)).containsExactly("ExecutionStarted", "TaskStateEntered",
                "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited",
                "ExecutionSucceeded");
    }

    @Test
    void sendTaskFailure_failsTheTaskWithItsErrorAndCause() {
        Execution execution = run.start(WAITING, "{}");
        run.engine.sendTaskFailure(run.tokenOfCall(1), "Worker.Rejected", "bad input");
        run.finish(execution);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("Worker.Rejected");
        assertThat(execution.cause()).isEqualTo("bad input");
    }

    @Test
    void heartbeats_keepTheTaskAlivePastHeartbeatSeconds() {
        Execution execution = run.start(WAITING, "{}");
        String token = run.tokenOfCall(1);
        for (int i = 0; i < 3; i++) {
            run.clock.advance(Duration.ofSeconds(8));
            run.engine.sendTaskHeartbeat(token);
        }
        run.clock.advance(Duration.ofSeconds(8));
        run.engine.sendTaskSuccess(token, Json.parse("1"));
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(32));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void missedHeartbeat_failsWithHeartbeatTimeout() {
        Execution execution = run.start(WAITING, "{}");
        String token = run.tokenOfCall(1);
        run.clock.advance(Duration.ofSeconds(8));
        run.engine.sendTaskHeartbeat(token);
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(18));
        assertThat(execution.error()).isEqualTo("States.HeartbeatTimeout");
        assertThatThrownBy(() -> run.engine.sendTaskSuccess(token, Json.parse("1")))
                .isInstanceOfSatisfying(TaskTokenException.class,
                        e -> assertThat(e.code()).isEqualTo("TaskTimedOut"));
    }

    @Test
    void answeringACompletedTask_isTaskTimedOut() {
        Execution execution = run.start(WAITING, "{}");
        String token = run.tokenOfCall(1);
        run.engine.sendTaskSuccess(token, Json.parse("1"));
        run.finish(execution);
        assertThatThrownBy(() -> run.engine.sendTaskSuccess(token, Json.parse("2")))
                .isInstanceOfSatisfying(TaskTokenException.class,
                        e -> assertThat(e.code()).isEqualTo("TaskTimedOut"));
        assertThatThrownBy(() -> run.engine.sendTaskHeartbeat(token))
                .isInstanceOfSatisfying(TaskTokenException.class,
                        e -> assertThat(e.code()).isEqualTo("TaskTimedOut"));
    }

    /** A worker may answer before its own invocation returns; the history still shows TaskSubmitted first. */
    @Test
    void answerBeforeTheInvocationReturns_isAccepted() {
        AtomicReference<Clocked> self = new AtomicReference<>();
        Clocked eager = new Clocked(call -> {
            self.get().engine.sendTaskSuccess(call.taskToken(), Json.parse("\"early\""));
            return CompletableFuture.completedFuture(Json.parse("{}"));
        });
        self.set(eager);
        Execution execution = eager.start(WAITING, "{}");
        eager.finish(execution);
        assertThat(Json.write(execution.output())).isEqualTo("{\"answer\":\"early\"}");
        assertThat(Clocked.types(execution)).containsSubsequence("TaskSubmitted", "TaskSucceeded");
    }

    @Test
    void aTokenNeverIssued_isInvalidToken() {
        assertThatThrownBy(() -> run.engine.sendTaskSuccess("", Json.parse("1")))
                .isInstanceOfSatisfying(TaskTokenException.class, e -> assertThat(e.code()).isEqualTo("InvalidToken"));
    }
}
