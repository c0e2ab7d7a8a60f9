package dev.greenlight.local.asl.parse;

/**
 * One thing wrong with a definition, worded as CreateStateMachine words it:
 * {@code SCHEMA_VALIDATION_FAILED: The field 'Foo' is not supported at /States/Start/Foo}.
 *
 * @param code     AWS's diagnostic code (SCHEMA_VALIDATION_FAILED, MISSING_TRANSITION_TARGET, ...)
 * @param message  what is wrong, naming the field
 * @param location a JSON pointer into the definition, naming the state and the field
 */
public record Problem(String code, String message, String location) {

    public static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";

    @Override
    public String toString() {
        return code + ": " + message + " at " + location;
    }
}
