package dev.greenlight.local.asl.query;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a JSONPath in the scope of a state: {@code $...} the state's input (or effective
 * input), {@code $$...} the context object, {@code $name...} a variable.
 */
@FunctionalInterface
public interface PathReader {

    /**
     * The value at {@code path}.
     *
     * @throws PathNotFoundException when the path selects nothing
     * @throws IllegalArgumentException when the path is not a valid JSONPath
     */
    JsonNode read(String path);
}
