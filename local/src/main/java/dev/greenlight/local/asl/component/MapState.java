package dev.greenlight.local.asl.component;

/** Runs {@code itemProcessor} once per item: inline, or as child executions when {@code distributed} is set. */
public record MapState(
        String name,
        DataFlow dataFlow,
        Transition transition,
        String itemsPath,
        Template items,
        Template itemSelector,
        Program itemProcessor,
        FieldValue<Number> maxConcurrency,
        FieldValue<Number> toleratedFailurePercentage,
        FieldValue<Number> toleratedFailureCount,
        ErrorHandling errorHandling,
        DistributedMap distributed) implements State {

    public String type() {
        return "Map";
    }
}
