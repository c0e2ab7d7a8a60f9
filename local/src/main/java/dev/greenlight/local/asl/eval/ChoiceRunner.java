package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.ChoiceState;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.QueryLanguage;
import dev.greenlight.local.asl.component.Template;
import dev.greenlight.local.asl.Json;
import java.util.concurrent.CompletableFuture;

/** Choice: the first rule that holds names the next state; none holding and no Default fails. */
final class ChoiceRunner implements StateRunner<ChoiceState> {

    private final Engine engine;

    ChoiceRunner(Engine engine) {
        this.engine = engine;
    }

    @Override
    public CompletableFuture<Outcome> run(ChoiceState state, StateContext context) {
        DataFlow flow = state.dataFlow();
        StateData data = engine.data(flow.language());
        JsonNode effective = data.effectiveInput(context, null);
        for (ChoiceState.Choice choice : state.choices()) {
            if (holds(choice, data, context, effective)) {
                JsonNode output = data.output(context, effective, null,
                        choice.output() != null ? choice.output() : flow.output(),
                        choice.assign() != null ? choice.assign() : flow.assign());
                return CompletableFuture.completedFuture(new Outcome(output, choice.next()));
            }
        }
        if (state.defaultNext() == null) {
            throw StatesError.NO_CHOICE_MATCHED.withCause("No Matches!");
        }
        JsonNode output = data.output(context, effective, null, flow.output(), flow.assign());
        return CompletableFuture.completedFuture(new Outcome(output, state.defaultNext()));
    }

    private static boolean holds(ChoiceState.Choice choice, StateData data, StateContext context, JsonNode input) {
        if (context.state.dataFlow().language() == QueryLanguage.JSONPath) {
            try {
                return choice.rule().matches(context.reader(input));
            } catch (StatesException e) {
                throw context.fail(e);
            }
        }
        JsonNode verdict = data.evaluate(context, new Template("Condition", Json.NODES.textNode(choice.condition())),
                input);
        if (!verdict.isBoolean()) {
            throw context.fail(StatesError.QUERY_EVALUATION_ERROR, "The Condition '" + choice.condition()
                    + "' returned " + Json.write(verdict) + ", not a boolean.");
        }
        return verdict.booleanValue();
    }
}
