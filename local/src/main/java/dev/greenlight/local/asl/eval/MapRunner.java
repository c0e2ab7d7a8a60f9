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
import dev.greenlight.local.asl.query.Jsonata;
import java.util.concurrent.CompletableFuture;

/**
 * Inline Map: runs the ItemProcessor once per item, at most MaxConcurrency at a time (0: no
 * limit); results keep the items' order. More failures than tolerated fail the state.
 */
final class MapRunner implements StateRunner<MapState> {

    private final Engine engine;
    private final ProgramRunner programs;
    private final DistributedMapRunner distributed;

    MapRunner(Engine engine, ProgramRunner programs) {
        this.engine = engine;
        this.programs = programs;
        this.distributed = new DistributedMapRunner(engine);
    }

    @Override
    public CompletableFuture<Outcome> run(MapState state, StateContext context) {
        StateData data = engine.data(state.dataFlow().language());
        if (state.distributed() != null) {
            return Recovery.run(context, state.errorHandling(), data, () -> distributed.attempt(state, context, data));
        }
        return Recovery.run(context, state.errorHandling(), data, () -> attempt(state, context, data));
    }

    private CompletableFuture<Outcome> attempt(MapState state, StateContext context, StateData data) {
        JsonNode input = data.effectiveInput(context, null);
        ArrayNode items = items(state, context, data, input);
        int concurrency = MapLimits.maxConcurrency(state.maxConcurrency(),
                data.resolve(context, state.maxConcurrency(), context.rawInput));
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
        return programs.run(state.itemProcessor(), selected(state, context, data, input, index, item), scope);
    }

    /** The item as the ItemSelector shapes it, with {@code $$.Map.Item} set while it does. */
    static JsonNode selected(MapState state, StateContext context, StateData data, JsonNode input, int index,
            JsonNode item) {
        ObjectNode mapItem = Json.NODES.objectNode();
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        context.mapItem = mapItem;
        try {
            return selector(state, context, data, input, item);
        } finally {
            context.mapItem = null;
        }
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

    static ArrayNode items(MapState state, StateContext context, StateData data, JsonNode input) {
        JsonNode items;
        if (state.dataFlow().language() == QueryLanguage.JSONata) {
            items = state.items() == null ? context.rawInput : data.evaluate(context, state.items(), input);
        } else {
            items = context.read(input, state.itemsPath() == null ? "$" : state.itemsPath());
        }
        if (items instanceof ArrayNode array) {
            return array;
        }
        // AWS's wording differs by query language. The JSONata one is recorded from AWS; the JSONPath one
        // is the cause localstack records, whose last part (the kind of value found) AWS does not publish:
        // the JSON type name is ours.
        if (state.dataFlow().language() == QueryLanguage.JSONata && state.items() != null
                && Jsonata.isExpression(state.items().value())) {
            throw context.fail(StatesError.QUERY_EVALUATION_ERROR, "The JSONata expression '"
                    + Jsonata.body(state.items().value().textValue()) + "' specified for the field 'Items' returned "
                    + "an unexpected result type. Expected 'array', but was '" + typeName(items) + "'");
        }
        throw context.fail(StatesError.QUERY_EVALUATION_ERROR, "Map state input must be an array but was: "
                + typeName(items));
    }

    /** JSON's names for the kinds of value, as AWS's JSONata messages name them. */
    private static String typeName(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        return value.isBoolean() ? "boolean" : "array";
    }

    /** How many iterations may fail: the smaller of ToleratedFailureCount and the percentage of items. */
    static int tolerance(MapState state, StateContext context, StateData data, int size) {
        Integer count = MapLimits.toleratedFailureCount(state.toleratedFailureCount(),
                data.resolve(context, state.toleratedFailureCount(), context.rawInput));
        Double percentage = MapLimits.toleratedFailurePercentage(state.toleratedFailurePercentage(),
                data.resolve(context, state.toleratedFailurePercentage(), context.rawInput));
        int tolerated = count == null ? 0 : count;
        if (percentage != null) {
            int byPercentage = (int) Math.floor(size * percentage / 100.0);
            tolerated = count == null ? byPercentage : Math.min(tolerated, byPercentage);
        }
        return tolerated;
    }

    static StatesException toleranceExceeded() {
        return StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD.withCause(
                "The specified tolerated failure threshold was exceeded");
    }
}
