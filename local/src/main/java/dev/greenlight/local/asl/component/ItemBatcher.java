package dev.greenlight.local.asl.component;

/**
 * Groups items so that one child execution takes several: {@code {"Items": [...], "BatchInput": ...}}.
 * Each limit is given literally, by its {@code ...Path} (JSONPath) or as a JSONata expression; an unset
 * limit is no limit.
 */
public record ItemBatcher(FieldValue<Number> maxItemsPerBatch, FieldValue<Number> maxInputBytesPerBatch,
        Template batchInput) {
}
