package dev.greenlight.local.asl.component;

/** Runs {@code itemProcessor} once per item (inline mode). */
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
        ErrorHandling errorHandling) implements State {

    public String type() {
        return "Map";
    }
}
