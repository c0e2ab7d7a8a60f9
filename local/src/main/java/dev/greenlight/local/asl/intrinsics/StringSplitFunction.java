package dev.greenlight.local.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.greenlight.local.asl.Json;

/**
 * States.StringSplit: the string cut at each of the delimiting characters (every character of the
 * second argument is one). Empty pieces, from delimiters side by side or at either end, are
 * dropped, as AWS drops them.
 */
final class StringSplitFunction {

    private StringSplitFunction() {
    }

    static JsonNode split(Arguments arguments) {
        String text = arguments.string(0, "string to split");
        String delimiters = arguments.string(1, "delimiting characters");
        ArrayNode pieces = Json.NODES.arrayNode();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int character = text.codePointAt(i);
            i += Character.charCount(character);
            if (delimiters.indexOf(character) < 0) {
                piece.appendCodePoint(character);
            } else if (!piece.isEmpty()) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }
}
