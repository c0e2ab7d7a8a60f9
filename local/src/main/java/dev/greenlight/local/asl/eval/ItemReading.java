package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.ItemReader;
import java.util.List;

/**
 * Turns what the S3 integration answered into a Distributed Map's items (guide, "ItemReader"): a
 * JSON array's elements, one JSON Lines value per line, one object per CSV row keyed by the headers
 * (every value a string), or one object per listed S3 object. The causes of a failed read are ours:
 * AWS does not publish the wording of States.ItemReaderFailed.
 */
final class ItemReading {

    private ItemReading() {
    }

    /**
     * @param answer {@code {"Body": text}} for getObject, {@code {"Contents": [...]}} for listObjectsV2
     * @param maxItems at most this many items; null or 0 for all
     */
    static ArrayNode items(ItemReader reader, JsonNode answer, Integer maxItems) {
        ArrayNode items = ItemReader.LIST_OBJECTS_V2.equals(reader.resource())
                ? (ArrayNode) answer.path("Contents") : fromBody(reader, answer.path("Body").asText());
        if (maxItems != null && maxItems > 0) {
            while (items.size() > maxItems) {
                items.remove(items.size() - 1);
            }
        }
        return items;
    }

    private static ArrayNode fromBody(ItemReader reader, String body) {
        return switch (reader.inputType()) {
            case "JSONL" -> jsonLines(body);
            case "CSV" -> csv(reader, body);
            default -> jsonArray(body);
        };
    }

    private static ArrayNode jsonArray(String body) {
        JsonNode parsed = parse(body);
        if (parsed instanceof ArrayNode array) {
            return array;
        }
        throw failed("The object read with InputType JSON must hold a JSON array");
    }

    private static ArrayNode jsonLines(String body) {
        ArrayNode items = Json.NODES.arrayNode();
        for (String line : body.split("\r?\n")) {
            if (!line.isBlank()) {
                items.add(parse(line));
            }
        }
        return items;
    }

    private static ArrayNode csv(ItemReader reader, String body) {
        List<List<String>> rows = CsvRows.parse(body);
        List<String> headers = reader.csvHeaderLocation().equals("GIVEN") ? reader.csvHeaders()
                : rows.isEmpty() ? List.of() : rows.remove(0);
        ArrayNode items = Json.NODES.arrayNode();
        for (List<String> row : rows) {
            if (row.size() > headers.size()) {
                throw failed("A CSV row has " + row.size() + " fields but there are " + headers.size() + " headers");
            }
            ObjectNode item = items.addObject();
            for (int i = 0; i < headers.size(); i++) {
                item.put(headers.get(i), i < row.size() ? row.get(i) : "");
            }
        }
        return items;
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (RuntimeException e) {
            throw failed("The object read is not valid JSON: " + e.getMessage());
        }
    }

    static StatesException failed(String cause) {
        return StatesError.ITEM_READER_FAILED.withCause(cause);
    }
}
