package dev.greenlight.local.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.greenlight.local.asl.Json;
import java.io.UncheckedIOException;

/** The intrinsics for JSON data manipulation: States.JsonMerge, States.StringToJson and States.JsonToString. */
final class JsonFunctions {

    private JsonFunctions() {
    }

    /**
     * AWS: "Currently, Step Functions only supports the shallow merging mode; therefore, you must
     * specify the boolean value as false. In the shallow mode, if the same key exists in both JSON
     * objects, the latter object's key overrides the same key in the first object."
     */
    static JsonNode merge(Arguments arguments) {
        ObjectNode first = arguments.object(0, "first object");
        ObjectNode second = arguments.object(1, "second object");
        if (arguments.bool(2, "deep merging mode")) {
            throw arguments.invalid("Step Functions only supports the shallow merging mode, so the third argument"
                    + " must be false.");
        }
        ObjectNode merged = first.deepCopy();
        merged.setAll(second);
        return merged;
    }

    /** An empty or blank string gives null, as AWS answers in LocalStack's recorded snapshots. */
    static JsonNode stringToJson(Arguments arguments) {
        String text = arguments.string(0, "argument");
        if (text.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return Json.parse(text);
        } catch (UncheckedIOException e) {
            throw arguments.invalid("the string is not JSON text.");
        }
    }

    static JsonNode jsonToString(Arguments arguments) {
        return TextNode.valueOf(Json.write(arguments.get(0)));
    }
}
