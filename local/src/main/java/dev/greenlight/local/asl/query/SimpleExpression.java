package dev.greenlight.local.asl.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.greenlight.local.asl.Json;
import java.util.Iterator;
import java.util.List;

/**
 * A JSONata expression simple enough to evaluate on the Jackson trees directly (field paths from a field of
 * {@code $states} or from a variable; number, string and boolean literals; arithmetic, comparison, {@code and},
 * {@code or}, {@code &} on strings; object and array constructors with literal keys; {@code $merge}), giving exactly
 * the answer the dashjoin library gives after {@link Jsonata#toPlain} and {@link PlainValues#toNode}: the library
 * spends most of a small expression's time in its frames and path steps. Wherever the library's answer would take more
 * than these rules (an array met inside a path, a value read that is a double, a decimal or a big integer, a value of
 * the wrong type for an operator, an error), evaluation throws {@link Unsure} and the library evaluates the expression
 * instead. Returns null for JSONata's "undefined".
 */
sealed interface SimpleExpression {

    JsonNode evaluate(Jsonata.Bindings bindings);

    /** This expression is beyond the simple rules for these values: ask the library. */
    final class Unsure extends RuntimeException {
        static final Unsure INSTANCE = new Unsure();

        private Unsure() {
            super(null, null, false, false);
        }
    }

    /** A number, string or boolean literal, as the library's tokenizer makes it. */
    record Literal(JsonNode value) implements SimpleExpression {
        @Override
        public JsonNode evaluate(Jsonata.Bindings bindings) {
            return value;
        }
    }

    /**
     * {@code $states.input.a.b} or {@code $name.a.b}. A missing field, or a field of a string, number, boolean or null,
     * is undefined; a field holding JSON null is JSON null. A step over an array maps over it in JSONata: that is left
     * to the library.
     */
    record Path(String variable, List<String> steps) implements SimpleExpression {
        @Override
        public JsonNode evaluate(Jsonata.Bindings bindings) {
            JsonNode value;
            int first;
            if (variable.equals("states")) {
                if (steps.isEmpty()) {
                    throw Unsure.INSTANCE;
                }
                value = bindings.statesField(steps.get(0));
                first = 1;
            } else {
                value = bindings.variable(variable);
                if (value == null || value.isNull() && !steps.isEmpty()) {
                    throw Unsure.INSTANCE;
                }
                first = 0;
            }
            for (int i = first; i < steps.size() && value != null; i++) {
                if (value.isArray()) {
                    throw Unsure.INSTANCE;
                }
                value = value.isObject() ? value.get(steps.get(i)) : null;
            }
            if (value != null) {
                requirePlain(value);
            }
            return value;
        }
    }

    /** {@code lhs op rhs} for the arithmetic, comparison, boolean and string operators. */
    record Binary(SimpleExpression lhs, String operator, SimpleExpression rhs) implements SimpleExpression {
        @Override
        public JsonNode evaluate(Jsonata.Bindings bindings) {
            JsonNode left = lhs.evaluate(bindings);
            return switch (operator) {
                case "and" -> booleanOf(left) ? BooleanNode.valueOf(booleanOf(rhs.evaluate(bindings)))
                        : BooleanNode.FALSE;
                case "or" -> booleanOf(left) ? BooleanNode.TRUE
                        : BooleanNode.valueOf(booleanOf(rhs.evaluate(bindings)));
                default -> Operators.apply(operator, left, rhs.evaluate(bindings));
            };
        }

        /** JSONata's boolean of an operand, for the values whose boolean is plain: undefined, and booleans. */
        private static boolean booleanOf(JsonNode value) {
            if (value == null) {
                return false;
            }
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            throw Unsure.INSTANCE;
        }
    }

    /** {@code {'key': value, ...}} with distinct literal keys: a key whose value is undefined is left out. */
    record ObjectConstructor(List<String> keys, List<SimpleExpression> values) implements SimpleExpression {
        @Override
        public JsonNode evaluate(Jsonata.Bindings bindings) {
            ObjectNode object = Json.NODES.objectNode();
            for (int i = 0; i < keys.size(); i++) {
                JsonNode value = values.get(i).evaluate(bindings);
                if (value != null) {
                    object.set(keys.get(i), handedOut(value));
                }
            }
            return object;
        }
    }

    /** {@code [a, b]}: undefined elements are left out; an array element (which JSONata flattens) is unsure. */
    record ArrayConstructor(List<SimpleExpression> elements) implements SimpleExpression {
        @Override
        public JsonNode evaluate(Jsonata.Bindings bindings) {
            ArrayNode array = Json.NODES.arrayNode(elements.size());
            for (SimpleExpression element : elements) {
                JsonNode value = element.evaluate(bindings);
                if (value != null) {
                    if (value.isArray()) {
                        throw Unsure.INSTANCE;
                    }
                    array.add(handedOut(value));
                }
            }
            return array;
        }
    }

    /** {@code $merge(objects)}: one object with every object's fields, a later one's winning. */
    record Merge(SimpleExpression argument) implements SimpleExpression {
        @Override
        public JsonNode evaluate(Jsonata.Bindings bindings) {
            if (bindings.variable("merge") != null) {
                throw Unsure.INSTANCE;
            }
            JsonNode objects = argument.evaluate(bindings);
            if (objects == null) {
                return null;
            }
            ObjectNode merged = Json.NODES.objectNode();
            if (objects.isObject()) {
                return merged.setAll((ObjectNode) objects);
            }
            if (!objects.isArray()) {
                throw Unsure.INSTANCE;
            }
            for (JsonNode object : objects) {
                if (!object.isObject()) {
                    throw Unsure.INSTANCE;
                }
                merged.setAll((ObjectNode) object);
            }
            return merged;
        }
    }

    /**
     * A value read from the bindings is handed out as it is only when converting it for the library and back gives
     * the same tree: objects, arrays, strings, booleans, ints and longs do; a double does not (the library gives a
     * whole one back as an int, and {@link PlainValues#toNode} a fractional one as a decimal), nor do decimals or big
     * integers.
     */
    private static void requirePlain(JsonNode value) {
        if (value instanceof ObjectNode object) {
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                requirePlain(it.next());
            }
        } else if (value instanceof ArrayNode array) {
            for (JsonNode element : array) {
                requirePlain(element);
            }
        } else if (!(value instanceof TextNode || value instanceof BooleanNode || value instanceof IntNode
                || value instanceof LongNode || value instanceof NullNode)) {
            throw Unsure.INSTANCE;
        }
    }

    /**
     * A value as the library hands it out inside an object or array: a fractional number, a double while it is computed
     * here, as {@link PlainValues#toNode} turns the library's Double into a tree.
     */
    static JsonNode handedOut(JsonNode value) {
        return value instanceof DoubleNode number ? Json.MAPPER.valueToTree(number.doubleValue()) : value;
    }

    /** The whole expression's value as the library hands it out: undefined as a Java null, JSON null as JSON null. */
    static JsonNode result(JsonNode value) {
        return value == null ? null : handedOut(value);
    }
}
