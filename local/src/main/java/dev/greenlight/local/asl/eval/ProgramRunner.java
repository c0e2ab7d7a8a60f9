package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.FailState;
import dev.greenlight.local.asl.component.Program;
import dev.greenlight.local.asl.component.State;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a program state by state. Each transition is a fresh action on the clock, so a long loop
 * never deepens the stack and sibling branches take turns.
 */
final class ProgramRunner {

    /** AWS's payload limit: 256 KiB of UTF-8. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private final Engine engine;

    ProgramRunner(Engine engine) {
        this.engine = engine;
    }

    CompletableFuture<JsonNode> run(Program program, JsonNode input, Scope scope) {
        CompletableFuture<JsonNode> done = new CompletableFuture<>();
        RedrivePoint resume = scope.takeResume();
        if (resume == null) {
            scope.run.clock().execute(() -> enter(program, program.startAt(), input, scope, done, null));
        } else {
            // A redrive: the program continues at the state that did not exit, with its input and variables.
            scope.assign(resume.variables());
            scope.run.clock().execute(() -> enter(program, resume.stateName(), resume.input(), scope, done, resume));
        }
        return done;
    }

    private void enter(Program program, String name, JsonNode input, Scope scope, CompletableFuture<JsonNode> done,
            RedrivePoint resume) {
        scope.at(name, input);
        if (scope.isCancelled()) {
            done.completeExceptionally(StatesError.RUNTIME.withCause("cancelled"));
            return;
        }
        State state = program.state(name);
        HistoryEvent entered = scope.event(state.type() + "StateEntered", "stateEnteredEventDetails",
                History.details("name", name, "input", input));
        StateContext context = new StateContext(scope, state, input, entered.id(), scope.run.clock().now());
        context.redrive = resume;
        Attempts.call(() -> engine.runners().run(state, context)).whenComplete((outcome, thrown) -> {
            if (scope.run.isOver()) {
                // Stopped or timed out while the state ran: the history ended with the execution.
                done.completeExceptionally(StatesError.RUNTIME.withCause("the execution is over"));
                return;
            }
            if (thrown != null) {
                done.completeExceptionally(Recovery.unwrap(thrown));
                return;
            }
            try {
                checkSize(state, outcome.output());
            } catch (StatesException e) {
                done.completeExceptionally(e);
                return;
            }
            if (!(state instanceof FailState)) {
                scope.event(state.type() + "StateExited", "stateExitedEventDetails",
                        History.details("name", name, "output", outcome.output()));
            }
            if (outcome.next() == null) {
                scope.completed(outcome.output());
                done.complete(outcome.output());
            } else {
                scope.run.clock().execute(() -> enter(program, outcome.next(), outcome.output(), scope, done, null));
            }
        });
    }

    private static void checkSize(State state, JsonNode output) {
        if (exceedsLimit(output)) {
            throw StatesError.DATA_LIMIT_EXCEEDED.withCause(tooLarge(state.name()));
        }
    }

    static boolean exceedsLimit(JsonNode payload) {
        return Json.longerThan(payload, MAX_PAYLOAD_BYTES);
    }

    static String tooLarge(String stateName) {
        return "The state/task '" + stateName + "' returned a result with a size exceeding the maximum number of "
                + "bytes service limit.";
    }
}
