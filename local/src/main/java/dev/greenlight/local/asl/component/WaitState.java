package dev.greenlight.local.asl.component;

/** Waits for a number of seconds or until a timestamp: exactly one of the two is set. */
public record WaitState(
        String name,
        DataFlow dataFlow,
        Transition transition,
        FieldValue<Number> seconds,
        FieldValue<String> timestamp) implements State {

    public String type() {
        return "Wait";
    }
}
