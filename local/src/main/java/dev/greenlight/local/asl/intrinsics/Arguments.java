package dev.greenlight.local.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The evaluated arguments of one call, read by type. A value of the wrong type fails the call with
 * AWS's cause, "Invalid arguments in States.X", followed by what was wrong.
 */
record Arguments(StatesFunction function, List<JsonNode> values) {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    Arguments {
        values = List.copyOf(values);
    }

    int size() {
        return values.size();
    }

    JsonNode get(int index) {
        return values.get(index);
    }

    String string(int index, String role) {
        JsonNode value = values.get(index);
        if (!value.isTextual()) {
            throw invalid("the " + role + " must be a string, but it is " + describe(value) + ".");
        }
        return value.textValue();
    }

    /** A string of at most {@code limit} characters, as AWS limits Base64 and Hash input. */
    String string(int index, String role, int limit) {
        String value = string(index, role);
        if (value.length() > limit) {
            throw invalid("the " + role + " has " + value.length() + " characters, but at most " + limit
                    + " are allowed.");
        }
        return value;
    }

    ArrayNode array(int index, String role) {
        JsonNode value = values.get(index);
        if (!value.isArray()) {
            throw invalid("the " + role + " must be an array, but it is " + describe(value) + ".");
        }
        return (ArrayNode) value;
    }

    ObjectNode object(int index, String role) {
        JsonNode value = values.get(index);
        if (!value.isObject()) {
            throw invalid("the " + role + " must be a JSON object, but it is " + describe(value) + ".");
        }
        return (ObjectNode) value;
    }

    boolean bool(int index, String role) {
        JsonNode value = values.get(index);
        if (!value.isBoolean()) {
            throw invalid("the " + role + " must be true or false, but it is " + describe(value) + ".");
        }
        return value.booleanValue();
    }

    /**
     * A 32-bit integer. AWS: "If you specify a non-integer value ..., Step Functions will round it
     * off to the nearest integer"; halves go up, as Java's Math.round does (2.5 is 3, -2.5 is -2),
     * which is what AWS's MathAdd answers in LocalStack's recorded snapshots.
     */
    int integer(int index, String role) {
        JsonNode value = values.get(index);
        if (!value.isNumber()) {
            throw invalid("the " + role + " must be a number, but it is " + describe(value) + ".");
        }
        if (value.isInt()) {
            return value.intValue(); // what the rounding below gives an int, without BigDecimal arithmetic
        }
        BigDecimal rounded = value.decimalValue().add(HALF).setScale(0, RoundingMode.FLOOR);
        if (rounded.compareTo(INT_MIN) < 0 || rounded.compareTo(INT_MAX) > 0) {
            throw invalid("the " + role + " must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                    + ", but it is " + value.asText() + ".");
        }
        return rounded.intValueExact();
    }

    /**
     * The failure for arguments this function cannot work with; {@code detail} is a sentence tail.
     * AWS reports these as States.Runtime ("Invalid arguments in States.MathAdd"), not IntrinsicFailure.
     */
    StatesException invalid(String detail) {
        return StatesError.RUNTIME.withCause("Invalid arguments in " + function + ": " + detail);
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "the string \"" + abbreviated(value.textValue()) + "\"";
            case NUMBER -> "the number " + value.asText();
            case BOOLEAN -> value.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().toString().toLowerCase();
        };
    }
}
