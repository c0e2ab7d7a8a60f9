package dev.greenlight.local.aws.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.greenlight.local.asl.Json;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An InputTransformer's InputTemplate, filled as EventBridge fills it. A template that is a
 * JSON object or array is a JSON template: a placeholder outside quotes becomes the value as
 * JSON (a string keeps its quotes, a missing value is {@code null}); inside quotes it becomes
 * the value's text, escaped so the result stays JSON. Any other template is plain text: a
 * string value goes in as-is, other values as JSON text, a missing value as nothing.
 * Placeholders that name neither a variable nor a predefined variable stay as written. JSON
 * output is minified, as targets receive it.
 */
final class InputTemplate {

    /** Variables EventBridge defines itself; InputPathsMap may not use these names. */
    static final String RULE_ARN = "aws.events.rule-arn";
    static final String RULE_NAME = "aws.events.rule-name";
    static final String INGESTION_TIME = "aws.events.event.ingestion-time";
    static final String EVENT = "aws.events.event";
    static final String EVENT_JSON = "aws.events.event.json";
    static final Set<String> PREDEFINED = Set.of(RULE_ARN, RULE_NAME, INGESTION_TIME, EVENT, EVENT_JSON);

    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");

    private final String text;
    private final boolean json;

    InputTemplate(String text) {
        this.text = text;
        String trimmed = text.strip();
        this.json = trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    boolean isJson() {
        return json;
    }

    /**
     * Fills the placeholders. {@code variables} names every variable that may be filled (a
     * variable whose path found nothing maps to null).
     */
    String render(Map<String, JsonNode> variables) {
        String filled = substitute(variables);
        return json ? Json.write(Json.parse(filled)) : filled;
    }

    /** The template with its placeholders filled, whitespace as written. */
    String substitute(Map<String, JsonNode> variables) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (json && c == '"' && !escaped(i)) {
                inString = !inString;
            }
            if (c == '<') {
                Matcher placeholder = PLACEHOLDER.matcher(text).region(i, text.length());
                if (placeholder.lookingAt() && variables.containsKey(placeholder.group(1))) {
                    out.append(fill(variables.get(placeholder.group(1)), inString));
                    i = placeholder.end() - 1;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private String fill(JsonNode value, boolean inString) {
        if (!json) {
            return value == null ? "" : value.isTextual() ? value.textValue() : Json.write(value);
        }
        if (!inString) {
            return value == null ? "null" : Json.write(value);
        }
        if (value == null) {
            return "";
        }
        String raw = value.isTextual() ? value.textValue() : Json.write(value);
        String quoted = Json.write(TextNode.valueOf(raw));
        return quoted.substring(1, quoted.length() - 1);
    }

    /** Whether the character at {@code index} follows an odd run of backslashes. */
    private boolean escaped(int index) {
        int backslashes = 0;
        for (int j = index - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
