package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.MapState;
import dev.greenlight.local.asl.component.QueryLanguage;
import dev.greenlight.local.asl.component.Template;
import java.util.concurrent.CompletableFuture;

/**
 * Inline Map: runs the ItemProcessor once per item, at most MaxConcurrency at a time (0: no
 * limit); results keep the items' order. More failures than tolerated fail the state.
 */
final class MapRunner implements StateRunner<MapState> {

    private final Engine engine;
    private final ProgramRunner programs;

    MapRunner(Engine engine, ProgramRunner programs) {
        this.engine = engine;
        this.programs = programs;
    }

    @Override
    public CompletableFuture<Outcome> run(MapState state, StateContext context) {
        StateData data = engine.data(state.dataFlow().language());
        return Recovery.run(context, state.errorHandling(), data, () -> attempt(state, context, data));
    }

    private CompletableFuture<Outcome> attempt(MapState state, StateContext context, StateData data) {
        JsonNode input = data.effectiveInput(context, null);
        ArrayNode items = items(state, context, data, input);
        int concurrency = intValue(data.resolve(context, state.maxConcurrency(), context.rawInput), 0);
        MapIterations iterations = new MapIterations(state, context, items, concurrency,
                tolerance(state, context, data, items.size()), (index, item, scope) -> iterate(state, context, data,
                input, index, item, scope));
        context.scope.event("MapStateStarted", "mapStateStartedEventDetails", History.details("length", items.size()));
        return iterations.start().thenApply(results -> {
            context.scope.event("MapStateSucceeded", null, null);
            DataFlow flow = state.dataFlow();
            return new Outcome(data.output(context, input, results, flow.output(), flow.assign()),
                    state.transition().next());
        });
    }

    private CompletableFuture<JsonNode> iterate(MapState state, StateContext context, StateData data, JsonNode input,
            int index, JsonNode item, Scope scope) {
        ObjectNode mapItem = Json.NODES.objectNode();
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        context.mapItem = mapItem;
        JsonNode iterationInput;
        try {
            iterationInput = selector(state, context, data, input, item);
        } finally {
            context.mapItem = null;
        }
        return programs.run(state.itemProcessor(), iterationInput, scope);
    }

    /** ItemSelector (or legacy Parameters) shapes each item; without one the item itself goes in. */
    private static JsonNode selector(MapState state, StateContext context, StateData data, JsonNode input,
            JsonNode item) {
        Template selector = state.itemSelector();
        if (selector == null) {
            return item;
        }
        return data.evaluate(context, selector, input);
    }

    private static ArrayNode items(MapState state, StateContext context, StateData data, JsonNode input) {
        JsonNode items;
        if (state.dataFlow().language() == QueryLanguage.JSONata) {
            items = state.items() == null ? context.rawInput : data.evaluate(context, state.items(), input);
        } else {
            items = context.read(input, state.itemsPath() == null ? "$" : state.itemsPath());
        }
        if (!(items instanceof ArrayNode array)) {
            StatesError error = state.dataFlow().language() == QueryLanguage.JSONata
                    ? StatesError.QUERY_EVALUATION_ERROR : StatesError.RUNTIME;
            throw context.fail(error, "Items of the Map state must be a JSON array, but was: " + Json.write(items));
        }
        return array;
    }

    /** How many iterations may fail: the smaller of ToleratedFailureCount and the percentage of items. */
    private static int tolerance(MapState state, StateContext context, StateData data, int size) {
        JsonNode count = data.resolve(context, state.toleratedFailureCount(), context.rawInput);
        JsonNode percentage = data.resolve(context, state.toleratedFailurePercentage(), context.rawInput);
        int tolerated = count == null ? 0 : count.intValue();
        if (percentage != null) {
            int byPercentage = (int) Math.floor(size * percentage.doubleValue() / 100.0);
            tolerated = count == null ? byPercentage : Math.min(tolerated, byPercentage);
        }
        return tolerated;
    }

    private static int intValue(JsonNode value, int otherwise) {
        return value == null ? otherwise : value.intValue();
    }

    static StatesException toleranceExceeded() {
        return StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD.withCause(
                "The specified tolerated failure threshold was exceeded");
    }
}
