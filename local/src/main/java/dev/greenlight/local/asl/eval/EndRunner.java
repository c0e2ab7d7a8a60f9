package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.FailState;
import dev.greenlight.local.asl.component.SucceedState;
import java.util.concurrent.CompletableFuture;

/** The terminal states: Succeed ends the program with its output, Fail with its error and cause. */
final class EndRunner {

    private final Engine engine;

    EndRunner(Engine engine) {
        this.engine = engine;
    }

    CompletableFuture<Outcome> succeed(SucceedState state, StateContext context) {
        DataFlow flow = state.dataFlow();
        StateData data = engine.data(flow.language());
        JsonNode effective = data.effectiveInput(context, null);
        return CompletableFuture.completedFuture(new Outcome(data.output(context, effective, null, flow.output(), null),
                null));
    }

    CompletableFuture<Outcome> fail(FailState state, StateContext context) {
        StateData data = engine.data(state.dataFlow().language());
        JsonNode error = data.resolve(context, state.error(), context.rawInput);
        JsonNode cause = data.resolve(context, state.cause(), context.rawInput);
        throw new StatesException(error == null ? null : error.asText(), cause == null ? null : cause.asText());
    }
}
