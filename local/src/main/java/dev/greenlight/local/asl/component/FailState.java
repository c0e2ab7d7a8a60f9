package dev.greenlight.local.asl.component;

/** Ends its program with an error and a cause. */
public record FailState(String name, DataFlow dataFlow, FieldValue<String> error, FieldValue<String> cause)
        implements State {

    public String type() {
        return "Fail";
    }
}
