package dev.greenlight.local.asl.component;

import java.util.List;

/** Runs every branch on the same input; its result is the array of the branches' outputs. */
public record ParallelState(
        String name,
        DataFlow dataFlow,
        Transition transition,
        List<Program> branches,
        ErrorHandling errorHandling) implements State {

    public String type() {
        return "Parallel";
    }
}
