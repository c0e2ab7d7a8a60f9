package dev.greenlight.local.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.query.JsonPaths;
import dev.greenlight.local.asl.query.PathNotFoundException;
import dev.greenlight.local.asl.query.PathReader;

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
     * The docs require "valid Reference Paths" for {@code Variable} and {@code ...Path} fields. Besides
     * the input ({@code $.a}) they may read the context object ({@code $$.Execution.Id}) or a variable
     * ({@code $name.a}); the part after the root is checked as the input path it would be.
     */
    static boolean isValid(String path) {
        if (path.startsWith("$$")) {
            return JsonPaths.isReferencePath("$" + path.substring(2));
        }
        if (path.length() > 1 && isNameStart(path.charAt(1))) {
            int end = 1;
            while (end < path.length() && isNamePart(path.charAt(end))) {
                end++;
            }
            return JsonPaths.isReferencePath("$" + path.substring(end));
        }
        return JsonPaths.isReferencePath(path);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
