package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.PassState;
import dev.greenlight.local.asl.component.QueryLanguage;
import java.util.concurrent.CompletableFuture;

/** Pass: in JSONPath its result is {@code Result} when given, else its effective input; in JSONata, Output. */
final class PassRunner implements StateRunner<PassState> {

    private final Engine engine;

    PassRunner(Engine engine) {
        this.engine = engine;
    }

    @Override
    public CompletableFuture<Outcome> run(PassState state, StateContext context) {
        DataFlow flow = state.dataFlow();
        StateData data = engine.data(flow.language());
        JsonNode effective = data.effectiveInput(context, flow.parameters());
        JsonNode result = flow.language() == QueryLanguage.JSONata ? null
                : state.result() != null ? state.result() : effective;
        JsonNode output = data.output(context, effective, result, flow.output(), flow.assign());
        return CompletableFuture.completedFuture(new Outcome(output, state.transition().next()));
    }
}
