package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.greenlight.local.asl.query.Jsonata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names one filling of a template binds for its expressions: every visible variable, then {@code states}
 * (which hides a variable of that name). Each value is converted for the JSONata library once, when an expression
 * first mentions it; a template whose expressions read only {@code $states} never converts the variables.
 */
final class JsonataBindings implements Jsonata.Bindings {

    private static final String STATES = "states";

    private final StateContext context;
    private final JsonNode result;
    private final JsonNode errorOutput;
    private final Map<String, Object> converted = new HashMap<>();
    private Map<String, JsonNode> variables;
    private List<String> names;

    JsonataBindings(StateContext context, JsonNode result, JsonNode errorOutput) {
        this.context = context;
        this.result = result;
        this.errorOutput = errorOutput;
    }

    @Override
    public List<String> names() {
        if (names == null) {
            names = new ArrayList<>(variables().keySet());
            names.add(STATES);
        }
        return names;
    }

    @Override
    public Object value(String name) {
        Object value = converted.get(name);
        if (value == null) {
            value = STATES.equals(name) ? context.plainStates(result, errorOutput) : Jsonata.toPlain(variables().get(name));
            converted.put(name, value);
        }
        return value;
    }

    @Override
    public JsonNode statesField(String name) {
        return switch (name) {
            case "input" -> context.rawInput == null ? NullNode.getInstance() : context.rawInput;
            case "context" -> context.contextObject();
            case "result" -> result;
            case "errorOutput" -> errorOutput;
            default -> null;
        };
    }

    @Override
    public JsonNode variable(String name) {
        return variables().get(name);
    }

    private Map<String, JsonNode> variables() {
        if (variables == null) {
            variables = context.scope.visibleVariables();
        }
        return variables;
    }
}
