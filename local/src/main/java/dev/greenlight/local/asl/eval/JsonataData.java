package dev.greenlight.local.asl.eval;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.Catcher;
import dev.greenlight.local.asl.component.FieldValue;
import dev.greenlight.local.asl.component.Template;
import dev.greenlight.local.asl.query.Jsonata;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * JSONata data flow: Arguments and Output are templates whose {@code {% %}} strings are
 * expressions over {@code $states} and the variables; Assign and Output are evaluated together,
 * before any variable changes.
 */
final class JsonataData implements StateData {

    private final Jsonata.Functions functions;

    JsonataData(RandomGenerator random) {
        this.functions = new Jsonata.Functions(random);
    }

    @Override
    public JsonNode effectiveInput(StateContext context, Template arguments) {
        return arguments == null ? context.rawInput : fill(context, arguments, null, null);
    }

    @Override
    public JsonNode output(StateContext context, JsonNode effectiveInput, JsonNode result, Template output,
            Template assign) {
        JsonNode stateOutput = output == null ? (result != null ? result : context.rawInput)
                : fill(context, output, result, null);
        assign(context, assign, result, null);
        return stateOutput;
    }

    @Override
    public JsonNode caught(StateContext context, Catcher catcher, JsonNode errorOutput) {
        JsonNode output = catcher.output() == null ? errorOutput : fill(context, catcher.output(), null, errorOutput);
        assign(context, catcher.assign(), null, errorOutput);
        return output;
    }

    @Override
    public JsonNode resolve(StateContext context, FieldValue<?> field, JsonNode input) {
        if (field.literal() != null) {
            return Json.MAPPER.valueToTree(field.literal());
        }
        if (field.expression() == null) {
            return null;
        }
        JsonNode value = fill(context, new Template(field.field(), Json.NODES.textNode(field.expression())), null, null);
        if (value.isNull()) {
            // Seconds, Timestamp, TimeoutSeconds, HeartbeatSeconds, the Map limits, a Fail state's Error and Cause:
            // each takes a number or a string, and AWS does not publish what a null one does. The safer choice:
            // the state fails, as for any result the field cannot take; the wording is the twin's own.
            throw context.fail(StatesError.QUERY_EVALUATION_ERROR, "The JSONata expression '"
                    + Jsonata.body(field.expression()) + "' specified for the field '" + field.field()
                    + "' returned null, which the field cannot take.");
        }
        return value;
    }

    @Override
    public JsonNode evaluate(StateContext context, Template template, JsonNode input) {
        return fill(context, template, null, null);
    }

    private void assign(StateContext context, Template assign, JsonNode result, JsonNode errorOutput) {
        if (assign == null) {
            return;
        }
        JsonNode values = fill(context, assign, result, errorOutput);
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        values.fields().forEachRemaining(entry -> variables.put(entry.getKey(), entry.getValue()));
        context.scope.assign(variables);
    }

    private JsonNode fill(StateContext context, Template template, JsonNode result, JsonNode errorOutput) {
        Jsonata.Bindings bindings = context.jsonataBindings(result, errorOutput);
        return fill(context, new FieldName(null, template.field(), 0), template.value(), bindings);
    }

    /**
     * Fills a template, naming each value's field as AWS names it in failures: {@code /} before an
     * object key, {@code [i]} for an array index ("Output/items[0]/id").
     */
    private JsonNode fill(StateContext context, FieldName field, JsonNode value, Jsonata.Bindings bindings) {
        if (Jsonata.isExpression(value)) {
            return evaluate(context, field, Jsonata.body(value.textValue()), bindings);
        }
        if (value.isObject()) {
            ObjectNode filled = Json.NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                filled.set(entry.getKey(), fill(context, new FieldName(field, entry.getKey(), 0), entry.getValue(),
                        bindings));
            }
            return filled;
        }
        if (value.isArray()) {
            ArrayNode filled = Json.NODES.arrayNode();
            for (int i = 0; i < value.size(); i++) {
                filled.add(fill(context, new FieldName(field, null, i), value.get(i), bindings));
            }
            return filled;
        }
        return value;
    }

    /**
     * AWS fails the state when any expression, however deeply nested, yields nothing (undefined) or throws. JSON null
     * is a value, not nothing: it is kept where the expression stood (see JsonataNullTest).
     */
    private JsonNode evaluate(StateContext context, FieldName field, String expression, Jsonata.Bindings bindings) {
        JsonNode result;
        try {
            result = Jsonata.evaluate(expression, bindings, functions);
        } catch (JException e) {
            throw threw(context, field, expression, e.getError() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw threw(context, field, expression, e.getMessage());
        }
        if (result == null) {
            throw context.fail(StatesError.QUERY_EVALUATION_ERROR, "The JSONata expression '" + expression
                    + "' specified for the field '" + field + "' returned nothing (undefined).");
        }
        return result;
    }

    private static StatesException threw(StateContext context, FieldName field, String expression, String detail) {
        return context.fail(StatesError.QUERY_EVALUATION_ERROR, "The JSONata expression '" + expression
                + "' specified for the field '" + field + "' threw an error during evaluation. " + detail);
    }

    /** A field's name in failures, written out only when one names it: most fills fail nowhere. */
    private record FieldName(FieldName parent, String key, int index) {
        @Override
        public String toString() {
            if (parent == null) {
                return key;
            }
            return key != null ? parent + "/" + key : parent + "[" + index + "]";
        }
    }
}
