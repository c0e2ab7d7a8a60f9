package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** One entry of a template's Resources section, as written (intrinsics not yet resolved). */
record ResourceDeclaration(String logicalId, String type, ObjectNode properties, List<String> dependsOn,
        String condition, String deletionPolicy, String updateReplacePolicy) {

    static ResourceDeclaration of(String logicalId, JsonNode node) {
        if (!node.isObject() || !node.path("Type").isTextual()) {
            throw CloudFormationErrors.formatError("[/Resources/" + logicalId + "] Every Resources object must contain a Type member.");
        }
        JsonNode properties = node.path("Properties");
        List<String> dependsOn = new ArrayList<>();
        JsonNode depends = node.path("DependsOn");
        if (depends.isTextual()) {
            dependsOn.add(depends.asText());
        } else {
            depends.forEach(d -> dependsOn.add(d.asText()));
        }
        return new ResourceDeclaration(logicalId, node.get("Type").asText(),
                properties.isObject() ? (ObjectNode) properties : JsonNodeFactory.instance.objectNode(),
                List.copyOf(dependsOn), text(node, "Condition"), text(node, "DeletionPolicy"),
                text(node, "UpdateReplacePolicy"));
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    boolean retainedOnDelete() {
        return "Retain".equals(deletionPolicy) || "RetainExceptOnCreate".equals(deletionPolicy);
    }
}
