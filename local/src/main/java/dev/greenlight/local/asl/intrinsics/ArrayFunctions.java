package dev.greenlight.local.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.greenlight.local.asl.Json;
import java.util.LinkedHashSet;
import java.util.Set;

/** The intrinsics for arrays: States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique. */
final class ArrayFunctions {

    /** AWS: "The newly generated array can't contain more than 1000 items." */
    static final int RANGE_LIMIT = 1000;

    private ArrayFunctions() {
    }

    static JsonNode array(Arguments arguments) {
        return Json.NODES.arrayNode().addAll(arguments.values());
    }

    /** AWS: "You must specify a non-zero, positive integer for the second argument representing the chunk size value." */
    static JsonNode partition(Arguments arguments) {
        ArrayNode array = arguments.array(0, "array to partition");
        int chunkSize = arguments.integer(1, "chunk size");
        if (chunkSize <= 0) {
            throw arguments.invalid("the chunk size must be a positive integer, but it is " + chunkSize + ".");
        }
        ArrayNode chunks = Json.NODES.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < array.size(); i++) {
            if (i % chunkSize == 0) {
                chunk = chunks.addArray();
            }
            chunk.add(array.get(i));
        }
        return chunks;
    }

    static JsonNode contains(Arguments arguments) {
        ArrayNode array = arguments.array(0, "array to search");
        JsonNode wanted = arguments.get(1);
        for (JsonNode item : array) {
            if (item.equals(wanted)) {
                return BooleanNode.TRUE;
            }
        }
        return BooleanNode.FALSE;
    }

    /**
     * From the first element to the final element, both included, by the step. A step that points
     * away from the final element gives an empty array, as AWS does for {@code ArrayRange(5, 1, 1)}.
     */
    static JsonNode range(Arguments arguments) {
        int first = arguments.integer(0, "first element");
        int last = arguments.integer(1, "final element");
        int step = arguments.integer(2, "step");
        if (step == 0) {
            throw arguments.invalid("the step must not be zero.");
        }
        long span = step > 0 ? (long) last - first : (long) first - last;
        long count = span < 0 ? 0 : span / Math.abs((long) step) + 1;
        if (count > RANGE_LIMIT) {
            throw arguments.invalid("the range would hold " + count + " items, but an array can't contain more than "
                    + RANGE_LIMIT + ".");
        }
        ArrayNode range = Json.NODES.arrayNode();
        for (long i = 0; i < count; i++) {
            range.add((int) (first + i * step));
        }
        return range;
    }

    static JsonNode getItem(Arguments arguments) {
        ArrayNode array = arguments.array(0, "array");
        int index = arguments.integer(1, "index");
        if (index < 0 || index >= array.size()) {
            throw arguments.invalid("the index " + index + " is outside the array, which has " + array.size()
                    + (array.size() == 1 ? " item." : " items."));
        }
        return array.get(index);
    }

    static JsonNode length(Arguments arguments) {
        return IntNode.valueOf(arguments.array(0, "array").size());
    }

    /** Each value once, where it first appears. */
    static JsonNode unique(Arguments arguments) {
        Set<JsonNode> unique = new LinkedHashSet<>();
        arguments.array(0, "array").forEach(unique::add);
        return Json.NODES.arrayNode().addAll(unique);
    }
}
