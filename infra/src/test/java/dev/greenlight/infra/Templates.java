package dev.greenlight.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awscdk.assertions.Template;

/** Reading a synthesized template as JSON: resources by type, a function's role's statements. */
final class Templates {

    static final ObjectMapper JSON = new ObjectMapper();

    private Templates() {
    }

    static JsonNode json(Template template) {
        return JSON.valueToTree(template.toJSON());
    }

    /** Logical id to resource, for the resources of a type. */
    static List<Map.Entry<String, JsonNode>> resources(Template template, String type) {
        List<Map.Entry<String, JsonNode>> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json(template).path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().path("Type").asText().equals(type)) {
                result.add(entry);
            }
        }
        return result;
    }

    /** The Lambda function with this handler. */
    static Map.Entry<String, JsonNode> function(Template template, String handler) {
        return resources(template, "AWS::Lambda::Function").stream()
                .filter(e -> e.getValue().path("Properties").path("Handler").asText().equals(handler))
                .findFirst().orElseThrow(() -> new AssertionError("no function with handler " + handler));
    }

    /** Every statement of the policies attached to a role (by its logical id). */
    static List<JsonNode> statementsOfRole(Template template, String roleId) {
        List<JsonNode> statements = new ArrayList<>();
        for (Map.Entry<String, JsonNode> policy : resources(template, "AWS::IAM::Policy")) {
            for (JsonNode role : policy.getValue().path("Properties").path("Roles")) {
                if (role.path("Ref").asText().equals(roleId)) {
                    policy.getValue().path("Properties").path("PolicyDocument").path("Statement")
                            .forEach(statements::add);
                }
            }
        }
        return statements;
    }

    static TreeSet<String> actions(List<JsonNode> statements) {
        TreeSet<String> actions = new TreeSet<>();
        for (JsonNode statement : statements) {
            JsonNode action = statement.path("Action");
            if (action.isArray()) {
                action.forEach(a -> actions.add(a.asText()));
            } else {
                actions.add(action.asText());
            }
        }
        return actions;
    }

    /** A string value: literal, or an {@code Fn::Join} whose {@code Ref}s are given their values. */
    static String resolve(JsonNode value, Map<String, String> refs) {
        if (value.isTextual()) {
            return value.asText();
        }
        JsonNode join = value.path("Fn::Join");
        StringBuilder text = new StringBuilder();
        for (JsonNode part : join.path(1)) {
            if (part.isTextual()) {
                text.append(part.asText());
            } else if (refs.containsKey(part.path("Ref").asText())) {
                text.append(refs.get(part.path("Ref").asText()));
            } else {
                throw new AssertionError("unexpected part " + part + " of " + value);
            }
        }
        return text.toString();
    }

    /** The logical id a {@code {"Fn::GetAtt": [id, "Arn"]}} or {@code {"Ref": id}} points at. */
    static String target(JsonNode reference) {
        if (reference.has("Ref")) {
            return reference.get("Ref").asText();
        }
        return reference.path("Fn::GetAtt").path(0).asText();
    }
}
