package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.Catcher;
import dev.greenlight.local.asl.component.ErrorHandling;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Retry and Catch around the attempts of a Task, Parallel or Map state. */
final class Recovery {

    private Recovery() {
    }

    static CompletableFuture<Outcome> run(StateContext context, ErrorHandling handling, StateData data,
            Supplier<CompletableFuture<Outcome>> attempt) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        attempt(context, handling, data, attempt, new int[handling.retriers().size()], done);
        return done;
    }

    private static void attempt(StateContext context, ErrorHandling handling, StateData data,
            Supplier<CompletableFuture<Outcome>> attempt, int[] attempts, CompletableFuture<Outcome> done) {
        Attempts.call(attempt).whenComplete((outcome, thrown) -> {
            if (thrown == null) {
                done.complete(outcome);
                return;
            }
            StatesException failure = unwrap(thrown);
            if (context.scope.run.isOver() || context.scope.isCancelled()) {
                done.completeExceptionally(failure);
                return;
            }
            RetryDecision decision = RetryDecision.decide(handling.retriers(), failure.error(), attempts,
                    context.scope.run.engine.random());
            if (decision instanceof RetryDecision.Retry retry) {
                attempts[retry.retrier()]++;
                context.retryCount++;
                context.scope.run.clock().schedule(retry.delay(),
                        () -> attempt(context, handling, data, attempt, attempts, done));
                return;
            }
            catchOrFail(context, handling, data, failure, done);
        });
    }

    private static void catchOrFail(StateContext context, ErrorHandling handling, StateData data,
            StatesException failure, CompletableFuture<Outcome> done) {
        for (Catcher catcher : handling.catchers()) {
            if (ErrorMatch.catches(catcher.errorEquals(), failure)) {
                ObjectNode errorOutput = Json.NODES.objectNode();
                errorOutput.put("Error", failure.error());
                if (failure.cause() != null) {
                    errorOutput.put("Cause", failure.cause());
                }
                try {
                    done.complete(new Outcome(data.caught(context, catcher, errorOutput), catcher.next()));
                } catch (StatesException e) {
                    done.completeExceptionally(e);
                }
                return;
            }
        }
        done.completeExceptionally(failure);
    }

    static StatesException unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StatesException failure) {
            return failure;
        }
        // A defect, not a state machine error: fail the execution visibly rather than hang it.
        return dev.greenlight.local.asl.StatesError.RUNTIME.withCause("Internal error in the local engine: " + cause);
    }
}
