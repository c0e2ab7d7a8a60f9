package dev.greenlight.local.asl.component;

/** Calls a resource; times out after {@code timeoutSeconds}, or after {@code heartbeatSeconds} without a heartbeat. */
public record TaskState(
        String name,
        DataFlow dataFlow,
        Transition transition,
        String resource,
        FieldValue<Number> timeoutSeconds,
        FieldValue<Number> heartbeatSeconds,
        ErrorHandling errorHandling) implements State {

    public String type() {
        return "Task";
    }
}
