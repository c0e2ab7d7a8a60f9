package dev.greenlight.local.asl.component;

/**
 * A field that AWS lets a definition give three ways: literally ({@code Seconds: 10}), by
 * JSONPath ({@code SecondsPath: "$.wait"}) or, in JSONata states, as an expression
 * ({@code Seconds: "{% $states.input.wait %}"}). At most one of the three is set.
 *
 * @param field the literal field's name, for error messages ("Seconds", "TimeoutSeconds", ...)
 */
public record FieldValue<T>(String field, T literal, String path, String expression) {

    public static <T> FieldValue<T> none(String field) {
        return new FieldValue<>(field, null, null, null);
    }

    public boolean isSet() {
        return literal != null || path != null || expression != null;
    }
}
