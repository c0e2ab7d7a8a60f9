package dev.greenlight.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.component.QueryLanguage;

/**
 * Reads a QueryLanguage field as AWS does: only the exact string "JSONPath" is JSONPath, any
 * other value (even "jsonpath") is JSONata and is reported against the enum; a state may move
 * from JSONPath to JSONata, not back.
 */
final class LanguageCheck {

    static final String DOWNGRADE = "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine";

    private LanguageCheck() {
    }

    static QueryLanguage of(JsonNode node, QueryLanguage inherited) {
        JsonNode value = node.get("QueryLanguage");
        if (value == null) {
            return inherited;
        }
        return value.isTextual() && value.textValue().equals("JSONPath") ? QueryLanguage.JSONPath
                : QueryLanguage.JSONata;
    }

    static boolean isDowngrade(JsonNode node, QueryLanguage inherited) {
        return inherited == QueryLanguage.JSONata && node.has("QueryLanguage")
                && of(node, inherited) == QueryLanguage.JSONPath;
    }

    /** Reports a QueryLanguage that is not a string, or not one of the enum's two values. */
    static void checkValue(JsonNode node, Problems problems) {
        JsonNode value = node.get("QueryLanguage");
        if (value == null) {
            return;
        }
        if (!value.isTextual()) {
            problems.at("QueryLanguage").add("Expected value of type [STRING]");
        } else if (!value.textValue().equals("JSONPath") && !value.textValue().equals("JSONata")) {
            problems.at("QueryLanguage").add("Value should be one of the following: [JSONPath, JSONata]");
        }
    }
}
