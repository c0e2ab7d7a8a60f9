package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.Catcher;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.DataFlow.OptionalPath;
import dev.greenlight.local.asl.component.FieldValue;
import dev.greenlight.local.asl.component.Template;
import dev.greenlight.local.asl.intrinsics.IntrinsicFunctions;
import dev.greenlight.local.asl.query.JsonPaths;
import dev.greenlight.local.asl.query.PathNotFoundException;
import dev.greenlight.local.asl.query.PathReader;
import dev.greenlight.local.asl.query.ScopedPath;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSONPath data flow: InputPath, Parameters, ResultSelector, ResultPath, OutputPath, and Assign. */
final class JsonPathData implements StateData {

    private final IntrinsicFunctions intrinsics;

    JsonPathData(IntrinsicFunctions intrinsics) {
        this.intrinsics = intrinsics;
    }

    @Override
    public JsonNode effectiveInput(StateContext context, Template parameters) {
        JsonNode input = select(context, context.rawInput, context.state.dataFlow().inputPath());
        return parameters == null ? input : payload(context, parameters, input);
    }

    @Override
    public JsonNode output(StateContext context, JsonNode effectiveInput, JsonNode result, Template output,
            Template assign) {
        DataFlow flow = context.state.dataFlow();
        JsonNode selected = result;
        if (result != null && flow.resultSelector() != null) {
            selected = payload(context, flow.resultSelector(), result);
        }
        JsonNode merged = context.rawInput;
        if (selected != null) {
            merged = placeResult(context, flow.resultPath(), selected);
        } else if (effectiveInput != null) {
            merged = effectiveInput;
        }
        JsonNode stateOutput = select(context, merged, flow.outputPath());
        assign(context, assign, selected != null ? selected : effectiveInput);
        return stateOutput;
    }

    @Override
    public JsonNode caught(StateContext context, Catcher catcher, JsonNode errorOutput) {
        JsonNode output = placeResult(context, catcher.resultPath(), errorOutput);
        assign(context, catcher.assign(), errorOutput);
        return output;
    }

    @Override
    public JsonNode resolve(StateContext context, FieldValue<?> field, JsonNode input) {
        if (field.literal() != null) {
            return Json.MAPPER.valueToTree(field.literal());
        }
        if (field.path() == null) {
            return null;
        }
        return context.read(input, field.path());
    }

    @Override
    public JsonNode evaluate(StateContext context, Template template, JsonNode input) {
        return payload(context, template, input);
    }

    /** InputPath / OutputPath: null discards the input, giving {}. */
    private JsonNode select(StateContext context, JsonNode document, OptionalPath path) {
        if (path.isNull()) {
            return Json.NODES.objectNode();
        }
        return context.read(document, path.path());
    }

    private JsonNode placeResult(StateContext context, OptionalPath resultPath, JsonNode result) {
        if (resultPath.isNull()) {
            return context.rawInput;
        }
        JsonNode placed = JsonPaths.put(context.rawInput, resultPath.path(), result);
        if (placed == null) {
            throw context.fail(StatesError.RESULT_PATH_MATCH_FAILURE, "Unable to apply ReferencePath "
                    + resultPath.path() + " to input '" + Json.write(context.rawInput) + "'");
        }
        return placed;
    }

    private void assign(StateContext context, Template assign, JsonNode document) {
        if (assign == null) {
            return;
        }
        JsonNode values = payload(context, assign, document);
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        values.fields().forEachRemaining(entry -> variables.put(entry.getKey(), entry.getValue()));
        context.scope.assign(variables);
    }

    /** A payload template: fields ending in {@code .$} take the value of their path or intrinsic. */
    private JsonNode payload(StateContext context, Template template, JsonNode document) {
        return fill(context, template.field(), template.value(), context.reader(document), document);
    }

    private JsonNode fill(StateContext context, String field, JsonNode value, PathReader reader, JsonNode document) {
        if (value.isObject()) {
            ObjectNode filled = Json.NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = entry.getKey();
                if (key.endsWith(".$") && entry.getValue().isTextual()) {
                    filled.set(key.substring(0, key.length() - 2),
                            dynamic(context, key, entry.getValue().textValue(), reader, document));
                } else {
                    filled.set(key, fill(context, field, entry.getValue(), reader, document));
                }
            }
            return filled;
        }
        if (value.isArray()) {
            ArrayNode filled = Json.NODES.arrayNode();
            value.forEach(element -> filled.add(fill(context, field, element, reader, document)));
            return filled;
        }
        return value;
    }

    private JsonNode dynamic(StateContext context, String key, String expression, PathReader reader,
            JsonNode document) {
        if (IntrinsicFunctions.isIntrinsic(expression)) {
            try {
                return intrinsics.evaluate(expression, reader);
            } catch (StatesException e) {
                throw context.fail(e);
            }
        }
        try {
            return reader.read(expression);
        } catch (PathNotFoundException e) {
            // AWS: a path through a wildcard or a slice that matches nothing is an empty array, not a failure.
            if (JsonPaths.hasWildcardOrSlice(ScopedPath.parse(expression).path())) {
                return Json.NODES.arrayNode();
            }
            throw context.fail(StatesError.RUNTIME, "The JSONPath '" + expression + "' specified for the field '"
                    + key + "' could not be found in the input '" + Json.write(document) + "'");
        }
    }
}
