package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * ItemBatcher (guide, "ItemBatcher"): each child execution takes {@code {"Items": [...]}}, with
 * {@code "BatchInput"} beside the items when the state sets one; a batch holds at most
 * MaxItemsPerBatch items and at most MaxInputBytesPerBatch bytes of input. The guide does not say
 * whether the bytes count the Items and BatchInput wrapper: here they measure the whole input the
 * child gets, wrapper included; a single item larger than the limit still makes a batch of its own.
 */
final class ItemBatches {

    private ItemBatches() {
    }

    /** @param itemsLimit at most this many items a batch, null for no limit; {@code bytesLimit} likewise */
    static ArrayNode of(ArrayNode items, Integer itemsLimit, Integer bytesLimit, JsonNode batchInput) {
        int maxItems = itemsLimit == null ? Integer.MAX_VALUE : itemsLimit;
        int maxBytes = bytesLimit == null ? Integer.MAX_VALUE : bytesLimit;
        ArrayNode batches = Json.NODES.arrayNode();
        List<JsonNode> current = new ArrayList<>();
        for (JsonNode item : items) {
            current.add(item);
            if (current.size() > 1 && (current.size() > maxItems || bytes(batch(current, batchInput)) > maxBytes)) {
                current.remove(current.size() - 1);
                batches.add(batch(current, batchInput));
                current = new ArrayList<>(List.of(item));
            }
        }
        if (!current.isEmpty()) {
            batches.add(batch(current, batchInput));
        }
        return batches;
    }

    private static ObjectNode batch(List<JsonNode> items, JsonNode batchInput) {
        ObjectNode batch = Json.NODES.objectNode();
        batch.putArray("Items").addAll(items);
        if (batchInput != null) {
            batch.set("BatchInput", batchInput);
        }
        return batch;
    }

    private static int bytes(JsonNode batch) {
        return Json.write(batch).getBytes(StandardCharsets.UTF_8).length;
    }
}
