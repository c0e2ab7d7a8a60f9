package dev.greenlight.local.asl.component;

/**
 * A Map whose ItemProcessor runs in DISTRIBUTED mode: each item (or batch) is a child workflow
 * execution of type {@code executionType}. {@code reader}, {@code batcher} and {@code writer} are
 * null when the state has none; {@code label} is the state's name when it sets no Label.
 */
public record DistributedMap(StateMachineType executionType, String label, ItemReader reader, ItemBatcher batcher,
        ResultWriter writer) {
}
