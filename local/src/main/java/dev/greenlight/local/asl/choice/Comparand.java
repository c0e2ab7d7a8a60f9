package dev.greenlight.local.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.query.PathReader;

/** What {@code Variable} is compared with: the operator's own value, or the value its {@code ...Path} selects. */
sealed interface Comparand {

    JsonNode resolve(PathReader paths);

    record Literal(JsonNode value) implements Comparand {

        @Override
        public JsonNode resolve(PathReader paths) {
            return value;
        }
    }

    record Path(String path) implements Comparand {

        @Override
        public JsonNode resolve(PathReader paths) {
            return ConditionPaths.read(paths, path);
        }
    }
}
