package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.component.Catcher;
import dev.greenlight.local.asl.component.FieldValue;
import dev.greenlight.local.asl.component.QueryLanguage;
import dev.greenlight.local.asl.component.Template;

/**
 * How a state's data flows, in its query language: what it hands to its work (the effective
 * input), what it passes on (its output) and which variables it assigns.
 */
interface StateData {

    static StateData of(QueryLanguage language, Engine engine) {
        return language == QueryLanguage.JSONata ? new JsonataData(engine.random()) : new JsonPathData(engine.intrinsics());
    }

    /** JSONPath: InputPath then Parameters (or ItemSelector); JSONata: Arguments; else the raw input. */
    JsonNode effectiveInput(StateContext context, Template parameters);

    /**
     * The state's output from its result (null for states that have none), with {@code assign}
     * applied to the scope once output and assignments are all evaluated.
     */
    JsonNode output(StateContext context, JsonNode effectiveInput, JsonNode result, Template output, Template assign);

    /** The output of a Catcher that caught {@code errorOutput} ({"Error", "Cause"}). */
    JsonNode caught(StateContext context, Catcher catcher, JsonNode errorOutput);

    /** A field given literally, by path or by expression; null when not set. */
    JsonNode resolve(StateContext context, FieldValue<?> field, JsonNode input);

    /** Evaluates any template (Map's Items, a JSONata Condition) against the raw input. */
    JsonNode evaluate(StateContext context, Template template, JsonNode input);
}
