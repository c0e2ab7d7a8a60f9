package dev.greenlight.local.asl.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.greenlight.local.asl.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Between Jackson trees and the plain Java values the JSONata library works on, walked directly: Jackson's own
 * conversion writes every value out and reads it back, and did so several times a transition. Objects, arrays,
 * strings, booleans, ints and longs are converted here; any other value (a decimal, a double, a big integer) is
 * handed to Jackson's conversion, so each gets exactly the type and value it got before.
 */
final class PlainValues {

    /** Plain Java numbers and collections, as the JSONata library expects them. */
    static final ObjectMapper PLAIN = new ObjectMapper().disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private PlainValues() {
    }

    /** As {@code PLAIN.convertValue(value, Object.class)}: JSON null inside containers is a Java null. */
    static Object toPlain(JsonNode value) {
        if (value instanceof ObjectNode object) {
            return toPlainFields(object);
        }
        if (value instanceof ArrayNode array) {
            List<Object> list = new ArrayList<>(array.size());
            for (JsonNode element : array) {
                list.add(toPlain(element));
            }
            return list;
        }
        if (value instanceof TextNode text) {
            return text.textValue();
        }
        if (value instanceof BooleanNode bool) {
            return bool.booleanValue();
        }
        if (value instanceof IntNode number) {
            return number.intValue();
        }
        if (value instanceof LongNode number) {
            return number.longValue();
        }
        if (value == null || value instanceof NullNode) {
            return null;
        }
        return PLAIN.convertValue(value, Object.class);
    }

    static Map<String, Object> toPlainFields(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            map.put(field.getKey(), toPlain(field.getValue()));
        }
        return map;
    }

    /** As {@code Json.MAPPER.valueToTree(value)}; the library's JSON null marker is JSON null. */
    static JsonNode toNode(Object value) {
        if (value instanceof Map<?, ?> map && allKeysAreStrings(map)) {
            ObjectNode object = Json.NODES.objectNode();
            map.forEach((key, element) -> object.set((String) key, toNode(element)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Json.NODES.arrayNode(list.size());
            for (Object element : list) {
                array.add(toNode(element));
            }
            return array;
        }
        if (value instanceof String text) {
            return TextNode.valueOf(text);
        }
        if (value instanceof Boolean bool) {
            return BooleanNode.valueOf(bool);
        }
        if (value instanceof Integer number) {
            return IntNode.valueOf(number);
        }
        if (value instanceof Long number) {
            return LongNode.valueOf(number);
        }
        if (value == null || value == com.dashjoin.jsonata.Jsonata.NULL_VALUE) {
            return NullNode.getInstance();
        }
        return Json.MAPPER.valueToTree(value);
    }

    private static boolean allKeysAreStrings(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
