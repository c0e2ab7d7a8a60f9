package dev.greenlight.local.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.query.JsonPaths;
import dev.greenlight.local.asl.query.PathNotFoundException;
import dev.greenlight.local.asl.query.PathReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A state's view of its data for tests: the input, the context object and the variables. */
record StatePaths(JsonNode input, JsonNode context, Map<String, JsonNode> variables) implements PathReader {

    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** Only an input, written with single quotes for readability: {@code {'name': 'Arnav'}}. */
    static StatePaths input(String json) {
        return new StatePaths(json(json), Json.NODES.objectNode(), Map.of());
    }

    static JsonNode json(String singleQuoted) {
        return Json.parse(singleQuoted.replace('\'', '"'));
    }

    @Override
    public JsonNode read(String path) {
        if (path.startsWith("$$")) {
            return JsonPaths.read(context, "$" + path.substring(2));
        }
        Matcher variable = VARIABLE.matcher(path);
        if (variable.lookingAt()) {
            JsonNode value = variables.get(variable.group(1));
            if (value == null) {
                throw new PathNotFoundException(path);
            }
            return JsonPaths.read(value, "$" + path.substring(variable.end()));
        }
        return JsonPaths.read(input, path);
    }
}
