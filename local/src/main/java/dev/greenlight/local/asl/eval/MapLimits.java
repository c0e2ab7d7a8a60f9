package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.FieldValue;
import dev.greenlight.local.asl.query.Jsonata;

/**
 * MaxConcurrency, ToleratedFailureCount and ToleratedFailurePercentage as read at run time, from
 * their {@code Path} (or JSONata) forms. A bad value fails the execution with States.Runtime, which
 * no Catch takes, and AWS's causes, as recorded from AWS in localstack's snapshot tests (the guide
 * does not print them): {@code The MaxConcurrencyPath field refers to value "x" which is not a valid
 * integer: $.path}, {@code Expected non-negative integer for MaxConcurrency, got '-1' instead.},
 * {@code ToleratedFailureCount cannot be negative.}, {@code ToleratedFailurePercentage must be
 * between 0 and 100.}. A string holding an integer counts as that integer, as AWS reads it.
 *
 * <p>For the JSONata forms AWS's wording is unrecorded; the same causes are used, naming the field
 * without "Path" and quoting the expression.
 */
final class MapLimits {

    private MapLimits() {
    }

    /** 0 (no limit) when unset. */
    static int maxConcurrency(FieldValue<?> field, JsonNode value) {
        if (value == null) {
            return 0;
        }
        Long number = integer(value, true);
        if (number == null) {
            throw notValid(field, value, "integer");
        }
        if (number < 0) {
            throw StatesError.RUNTIME.withCause("Expected non-negative integer for MaxConcurrency, got '" + number
                    + "' instead.");
        }
        return (int) Math.min(number, Integer.MAX_VALUE);
    }

    /** Null when unset. */
    static Integer toleratedFailureCount(FieldValue<?> field, JsonNode value) {
        if (value == null) {
            return null;
        }
        Long number = integer(value, false);
        if (number == null) {
            throw notValid(field, value, "integer");
        }
        if (number < 0) {
            throw StatesError.RUNTIME.withCause("ToleratedFailureCount cannot be negative.");
        }
        return (int) Math.min(number, Integer.MAX_VALUE);
    }

    /**
     * ReaderConfig's MaxItems and ItemBatcher's MaxItemsPerBatch and MaxInputBytesPerBatch read from their
     * Path or JSONata forms: null when unset. AWS does not publish the causes for these fields; the ones used
     * are the MaxConcurrency ones, naming the field.
     */
    static Integer count(FieldValue<?> field, JsonNode value, int min) {
        if (value == null) {
            return null;
        }
        Long number = integer(value, false);
        if (number == null) {
            throw notValid(field, value, "integer");
        }
        if (number < min) {
            throw StatesError.RUNTIME.withCause("Expected " + (min == 0 ? "non-negative" : "positive")
                    + " integer for " + field.field() + ", got '" + number + "' instead.");
        }
        return (int) Math.min(number, Integer.MAX_VALUE);
    }

    /** Null when unset. */
    static Double toleratedFailurePercentage(FieldValue<?> field, JsonNode value) {
        if (value == null) {
            return null;
        }
        Double number = value.isNumber() ? Double.valueOf(value.doubleValue()) : null;
        if (number == null && value.isTextual()) {
            Long parsed = integer(value, false);
            number = parsed == null ? null : parsed.doubleValue();
        }
        if (number == null) {
            throw notValid(field, value, "float");
        }
        if (number < 0 || number > 100) {
            throw StatesError.RUNTIME.withCause("ToleratedFailurePercentage must be between 0 and 100.");
        }
        return number;
    }

    /**
     * An integral number, or a string holding one; null otherwise. With {@code truncate}, a
     * fractional number counts as its integer part, as AWS reads MaxConcurrencyPath.
     */
    private static Long integer(JsonNode value, boolean truncate) {
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return truncate ? Long.valueOf(value.decimalValue().longValue()) : null;
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A string is quoted as it is; anything else as its JSON. */
    private static StatesException notValid(FieldValue<?> field, JsonNode value, String kind) {
        String shown = value.isTextual() ? value.textValue() : Json.write(value);
        boolean byPath = field.path() != null;
        String name = byPath ? field.field() + "Path" : field.field();
        String source = byPath ? field.path() : Jsonata.body(field.expression());
        return StatesError.RUNTIME.withCause("The " + name + " field refers to value \"" + shown
                + "\" which is not a valid " + kind + ": " + source);
    }
}
