package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.QueryLanguage;
import dev.greenlight.local.asl.component.TaskState;
import dev.greenlight.local.asl.task.TaskCall;
import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Task: calls its resource, or for {@code .waitForTaskToken} calls it and then waits for the
 * token's answer; TimeoutSeconds and HeartbeatSeconds race the call on the clock.
 */
final class TaskRunner implements StateRunner<TaskState> {

    /** AWS's default task timeout when TimeoutSeconds is not set. */
    static final long DEFAULT_TIMEOUT_SECONDS = 99_999_999;

    private final Engine engine;

    TaskRunner(Engine engine) {
        this.engine = engine;
    }

    @Override
    public CompletableFuture<Outcome> run(TaskState state, StateContext context) {
        StateData data = engine.data(state.dataFlow().language());
        int[] attempt = {0};
        return Recovery.run(context, state.errorHandling(), data, () -> attempt(state, context, data, attempt[0]++));
    }

    private CompletableFuture<Outcome> attempt(TaskState state, StateContext context, StateData data, int attempt) {
        DataFlow flow = state.dataFlow();
        TaskResource resource = TaskResource.of(state.resource());
        context.taskToken = resource.waitForTaskToken() ? engine.tokens().create() : null;
        JsonNode input = data.effectiveInput(context,
                flow.language() == QueryLanguage.JSONata ? flow.arguments() : flow.parameters());
        long timeout = seconds(data.resolve(context, state.timeoutSeconds(), context.rawInput), DEFAULT_TIMEOUT_SECONDS);
        JsonNode heartbeatValue = data.resolve(context, state.heartbeatSeconds(), context.rawInput);
        scheduled(context, resource, input, timeout, heartbeatValue);

        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        Clock clock = context.scope.run.clock();
        Clock.Timer timeoutTimer = clock.schedule(Duration.ofSeconds(timeout),
                () -> result.completeExceptionally(new TimedOut(StatesError.TIMEOUT)));
        AtomicReference<Clock.Timer> heartbeat = new AtomicReference<>();
        Runnable beat = () -> restartHeartbeat(clock, heartbeat, heartbeatValue, result);
        beat.run();

        // The token answers from the moment it exists: a worker may call back before its invocation returns.
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        if (resource.waitForTaskToken()) {
            engine.tokens().await(context.taskToken, new TaskTokens.Waiter(answer, beat));
            // An execution that ends (stopped, timed out) while the task waits closes the task: the token is
            // forgotten and the timers called off, rather than kept until TimeoutSeconds (by default ~3 years).
            context.scope.run.execution.completion().whenComplete((ended, thrown) -> result.completeExceptionally(
                    new StatesException(StatesError.TASK_FAILED.errorName(), "the execution ended")));
        }
        TaskCall call = new TaskCall(state.name(), state.resource(), input, attempt, context.taskToken,
                context.scope.run.roleArn(), context.scope.run.execution.name());
        Attempts.call(() -> engine.integrations().invoke(call)).whenComplete((value, thrown) -> clock.execute(() -> {
            if (thrown != null) {
                result.completeExceptionally(thrown);
            } else if (resource.waitForTaskToken()) {
                submitted(context, resource, value, answer, result);
            } else {
                result.complete(value);
            }
        }));

        CompletableFuture<Outcome> done = new CompletableFuture<>();
        result.whenComplete((value, thrown) -> clock.execute(() -> {
            timeoutTimer.cancel();
            if (heartbeat.get() != null) {
                heartbeat.get().cancel();
            }
            if (context.taskToken != null) {
                engine.tokens().forget(context.taskToken);
            }
            if (context.scope.run.isOver()) {
                return;
            }
            try {
                done.complete(finish(state, context, data, resource, input, value, thrown));
            } catch (StatesException e) {
                done.completeExceptionally(e);
            }
        }));
        return done;
    }

    /** TaskSubmitted comes first in the history, however early the token was answered. */
    private static void submitted(StateContext context, TaskResource resource, JsonNode value,
            CompletableFuture<JsonNode> answer, CompletableFuture<JsonNode> result) {
        context.scope.event("TaskSubmitted", "taskSubmittedEventDetails", History.details(
                "resourceType", resource.resourceType(), "resource", resource.resource(), "output", value));
        answer.whenComplete((output, thrown) -> {
            if (thrown != null) {
                result.completeExceptionally(thrown);
            } else {
                result.complete(output);
            }
        });
    }

    private Outcome finish(TaskState state, StateContext context, StateData data, TaskResource resource,
            JsonNode input, JsonNode value, Throwable thrown) {
        if (thrown != null) {
            StatesException failure = Recovery.unwrap(thrown);
            String outcome = thrown instanceof TimedOut ? "TimedOut" : "Failed";
            context.scope.event(resource.eventType(outcome), resource.detailsField(outcome), withResource(resource,
                    History.details("error", failure.error(), "cause", failure.cause())));
            throw failure;
        }
        if (ProgramRunner.exceedsLimit(value)) {
            throw new TaskResultTooLarge(state.name());
        }
        context.scope.event(resource.eventType("Succeeded"), resource.detailsField("Succeeded"),
                withResource(resource, History.details("output", value)));
        DataFlow flow = state.dataFlow();
        return new Outcome(data.output(context, input, value, flow.output(), flow.assign()), state.transition().next());
    }

    private static void scheduled(StateContext context, TaskResource resource, JsonNode input, long timeout,
            JsonNode heartbeat) {
        if (resource.legacyLambda()) {
            context.scope.event("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", History.details(
                    "resource", resource.resource(), "input", input,
                    "timeoutInSeconds", timeout == DEFAULT_TIMEOUT_SECONDS ? null : timeout));
            context.scope.event("LambdaFunctionStarted", null, null);
            return;
        }
        context.scope.event("TaskScheduled", "taskScheduledEventDetails", History.details(
                "resourceType", resource.resourceType(), "resource", resource.resource(), "region", "us-east-1",
                "parameters", input, "timeoutInSeconds", timeout == DEFAULT_TIMEOUT_SECONDS ? null : timeout,
                "heartbeatInSeconds", heartbeat == null ? null : heartbeat.longValue()));
        context.scope.event("TaskStarted", "taskStartedEventDetails", History.details(
                "resourceType", resource.resourceType(), "resource", resource.resource()));
    }

    private static Supplier<ObjectNode> withResource(TaskResource resource, Supplier<ObjectNode> details) {
        if (resource.legacyLambda()) {
            return details;
        }
        return () -> details.get().put("resourceType", resource.resourceType()).put("resource", resource.resource());
    }

    private static void restartHeartbeat(Clock clock, AtomicReference<Clock.Timer> heartbeat, JsonNode seconds,
            CompletableFuture<JsonNode> result) {
        if (seconds == null) {
            return;
        }
        if (heartbeat.get() != null) {
            heartbeat.get().cancel();
        }
        heartbeat.set(clock.schedule(Duration.ofSeconds(seconds.longValue()),
                () -> result.completeExceptionally(new TimedOut(StatesError.HEARTBEAT_TIMEOUT))));
    }

    private static long seconds(JsonNode value, long otherwise) {
        return value == null ? otherwise : value.longValue();
    }

    /**
     * A task that ran out of time: recorded as TaskTimedOut rather than TaskFailed. AWS gives it an
     * empty cause, which a Catch's error output carries ({"Error": "States.Timeout", "Cause": ""}, as
     * quoted from an AWS execution in aws-samples/serverless-coffee-workshop issue 15).
     */
    private static final class TimedOut extends StatesException {
        TimedOut(StatesError error) {
            super(error.errorName(), "");
        }
    }
}
