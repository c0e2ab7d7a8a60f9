package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * Reads a template body, JSON or YAML, into one tree. YAML's short forms become the long form
 * CloudFormation documents: {@code !Ref X} is {@code {"Ref": "X"}}, {@code !Sub s} is
 * {@code {"Fn::Sub": s}}, and {@code !GetAtt R.A} is {@code {"Fn::GetAtt": ["R", "A"]}}.
 */
final class TemplateReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TemplateReader() {
    }

    /** Throws a ValidationError when the body is neither JSON nor YAML, or not a mapping at the top. */
    static ObjectNode read(String body) {
        JsonNode tree;
        try {
            tree = json(body);
        } catch (IOException | RuntimeException e) {
            throw CloudFormationErrors.validation("Template format error: unsupported structure.");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw CloudFormationErrors.validation("Template format error: unsupported structure.");
        }
        return object;
    }

    /** JSON is YAML too, but JSON's reader keeps numbers as numbers; YAML flow style is tried when JSON fails. */
    private static JsonNode json(String body) throws IOException {
        if (body.stripLeading().startsWith("{")) {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return readYaml(body);
            }
        }
        return readYaml(body);
    }

    private static JsonNode readYaml(String body) throws IOException {
        try (YAMLParser parser = YAML.createParser(body)) {
            parser.nextToken();
            return node(parser);
        }
    }

    private static JsonNode node(YAMLParser parser) throws IOException {
        // Jackson gives a local tag without its "!", and YAML's own tags (!!str) in their long form.
        String typeId = parser.getTypeId();
        String tag = typeId != null && !typeId.startsWith("tag:") ? typeId : null;
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.textNode(parser.getText());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> tag != null ? NODES.textNode("") : NODES.nullNode();
            default -> throw new IOException("unexpected " + parser.currentToken());
        };
        return tag == null ? value : shortForm(tag, value);
    }

    private static ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, node((YAMLParser) parser));
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(node((YAMLParser) parser));
        }
        return array;
    }

    private static JsonNode shortForm(String name, JsonNode value) {
        if (name.equals("Ref") || name.equals("Condition")) {
            return NODES.objectNode().set(name, value);
        }
        if (name.equals("GetAtt") && value.isTextual()) {
            String text = value.asText();
            int dot = text.indexOf('.');
            value = dot < 0 ? value : NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
        }
        return NODES.objectNode().set("Fn::" + name, value);
    }
}
