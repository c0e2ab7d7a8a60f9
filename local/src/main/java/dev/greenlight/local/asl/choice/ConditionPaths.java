package dev.greenlight.local.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.query.PathNotFoundException;
import dev.greenlight.local.asl.query.PathReader;
import dev.greenlight.local.asl.query.ScopedPath;

/** The paths of a Choice Rule: {@code Variable} and the comparands of the {@code ...Path} operators. */
final class ConditionPaths {

    private ConditionPaths() {
    }

    /**
     * The value at {@code path}. AWS fails the state when a rule's path selects nothing (only
     * {@code IsPresent} tolerates it), with this cause after its "An error occurred while executing the
     * state ..." prefix, which the engine adds.
     */
    static JsonNode read(PathReader paths, String path) {
        try {
            return paths.read(path);
        } catch (PathNotFoundException e) {
            throw StatesError.RUNTIME.withCause(
                    "Invalid path '" + path + "': The choice state's condition path references an invalid value.");
        }
    }

    static boolean isPresent(PathReader paths, String path) {
        try {
            paths.read(path);
            return true;
        } catch (PathNotFoundException e) {
            return false;
        }
    }

    /**
     * The docs require "valid Reference Paths" for {@code Variable} and {@code ...Path} fields; they
     * may read the input, the context object ({@code $$.Execution.Id}) or a variable ({@code $name.a}).
     */
    static boolean isValid(String path) {
        return ScopedPath.isReferencePath(path);
    }
}
