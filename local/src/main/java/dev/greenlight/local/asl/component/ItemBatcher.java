package dev.greenlight.local.asl.component;

/**
 * Groups items so that one child execution takes several: {@code {"Items": [...], "BatchInput": ...}}.
 * A null limit is no limit.
 */
public record ItemBatcher(Integer maxItemsPerBatch, Integer maxInputBytesPerBatch, Template batchInput) {
}
