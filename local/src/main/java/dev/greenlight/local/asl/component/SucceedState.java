package dev.greenlight.local.asl.component;

/** Ends its program successfully. */
public record SucceedState(String name, DataFlow dataFlow) implements State {
    public String type() {
        return "Succeed";
    }
}
