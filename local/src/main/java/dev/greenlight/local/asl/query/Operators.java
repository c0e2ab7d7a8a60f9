package dev.greenlight.local.asl.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.greenlight.local.asl.query.SimpleExpression.Unsure;

/**
 * JSONata's arithmetic, comparison and string operators on simple values, as the dashjoin library computes them
 * (its evaluateNumericExpression, evaluateEqualityExpression, evaluateComparisonExpression and evaluateStringConcat):
 * numbers are the library's Integer, Long or Double (Jackson's int, long and double nodes), null is undefined. Where
 * the library would fail or take a longer road, {@link Unsure}.
 */
final class Operators {

    private Operators() {
    }

    static JsonNode apply(String operator, JsonNode lhs, JsonNode rhs) {
        return switch (operator) {
            case "+", "-", "*", "/", "%" -> arithmetic(operator, lhs, rhs);
            case "=" -> equal(lhs, rhs, true);
            case "!=" -> equal(lhs, rhs, false);
            case "<", "<=", ">", ">=" -> compare(operator, lhs, rhs);
            case "&" -> TextNode.valueOf(text(lhs) + text(rhs));
            default -> throw Unsure.INSTANCE;
        };
    }

    /** Undefined when either side is; computed in doubles, then an int or long where the double is whole. */
    private static JsonNode arithmetic(String operator, JsonNode lhs, JsonNode rhs) {
        requireNumberOrUndefined(lhs);
        requireNumberOrUndefined(rhs);
        if (lhs == null || rhs == null) {
            return null;
        }
        double a = lhs.doubleValue();
        double b = rhs.doubleValue();
        double result = switch (operator) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            default -> a % b;
        };
        return number(result);
    }

    /** As the library's Utils.convertNumber: NaN is undefined, infinity fails, a whole double an int or a long. */
    static JsonNode number(double value) {
        if (Double.isNaN(value)) {
            return null;
        }
        if (Double.isInfinite(value)) {
            throw Unsure.INSTANCE;
        }
        long whole = (long) value;
        if ((double) whole == value) {
            return whole == (int) whole ? IntNode.valueOf((int) whole) : LongNode.valueOf(whole);
        }
        return DoubleNode.valueOf(value);
    }

    /** False when either side is undefined; numbers equal as doubles (Double.equals); different types differ. */
    private static JsonNode equal(JsonNode lhs, JsonNode rhs, boolean equal) {
        if (lhs == null || rhs == null) {
            return BooleanNode.FALSE;
        }
        requireScalar(lhs);
        requireScalar(rhs);
        boolean same;
        if (lhs.isNumber() && rhs.isNumber()) {
            same = Double.valueOf(lhs.doubleValue()).equals(rhs.doubleValue());
        } else if (lhs.isTextual() && rhs.isTextual()) {
            same = lhs.textValue().equals(rhs.textValue());
        } else if (lhs.isBoolean() && rhs.isBoolean()) {
            same = lhs.booleanValue() == rhs.booleanValue();
        } else {
            same = false;
        }
        return BooleanNode.valueOf(same == equal);
    }

    /** Undefined when either side is; two numbers of different types compare as doubles, else as their type does. */
    private static JsonNode compare(String operator, JsonNode lhs, JsonNode rhs) {
        requireComparable(lhs);
        requireComparable(rhs);
        if (lhs == null || rhs == null) {
            return null;
        }
        int order;
        if (lhs.getClass() != rhs.getClass()) {
            if (!lhs.isNumber() || !rhs.isNumber()) {
                throw Unsure.INSTANCE;
            }
            order = Double.compare(lhs.doubleValue(), rhs.doubleValue());
        } else if (lhs instanceof IntNode) {
            order = Integer.compare(lhs.intValue(), rhs.intValue());
        } else if (lhs instanceof LongNode) {
            order = Long.compare(lhs.longValue(), rhs.longValue());
        } else if (lhs instanceof DoubleNode) {
            order = Double.compare(lhs.doubleValue(), rhs.doubleValue());
        } else {
            order = lhs.textValue().compareTo(rhs.textValue());
        }
        return BooleanNode.valueOf(switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        });
    }

    /** A string operand of {@code &} as it is, undefined as the empty string; other values the library formats. */
    private static String text(JsonNode value) {
        if (value == null) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        throw Unsure.INSTANCE;
    }

    private static void requireNumberOrUndefined(JsonNode value) {
        if (value != null && !isSimpleNumber(value)) {
            throw Unsure.INSTANCE;
        }
    }

    private static void requireScalar(JsonNode value) {
        if (!isSimpleNumber(value) && !value.isTextual() && !value.isBoolean()) {
            throw Unsure.INSTANCE;
        }
    }

    private static void requireComparable(JsonNode value) {
        if (value != null && !isSimpleNumber(value) && !value.isTextual()) {
            throw Unsure.INSTANCE;
        }
    }

    private static boolean isSimpleNumber(JsonNode value) {
        return value instanceof IntNode || value instanceof LongNode || value instanceof DoubleNode;
    }
}
