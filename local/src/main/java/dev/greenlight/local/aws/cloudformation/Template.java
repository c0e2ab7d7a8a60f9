package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed template: its sections, checked for the shape CloudFormation requires. Transforms
 * (SAM, macros) are refused: the twin runs templates as deployed, not expanded.
 */
record Template(String body, String description, ObjectNode parameters, JsonNode mappings, ObjectNode conditions,
        Map<String, ResourceDeclaration> resources, ObjectNode outputs, ObjectNode rules) {

    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Parameters", "Mappings", "Conditions", "Transform", "Resources", "Outputs", "Rules", "Hooks");

    static Template parse(String body) {
        if (body == null || body.isBlank()) {
            throw CloudFormationErrors.validation("Either Template URL or Template Body must be specified.");
        }
        ObjectNode root = TemplateReader.read(body);
        Set<String> unknown = new TreeSet<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!SECTIONS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw CloudFormationErrors.formatError("Invalid template property or properties " + unknown);
        }
        if (root.has("Transform")) {
            // The twin's own refusal: a transform is expanded by AWS's macro service, which the twin does not have.
            throw CloudFormationErrors.formatError("Transform " + root.get("Transform")
                    + " is not supported by the local twin; deploy the expanded template instead.");
        }
        JsonNode resources = root.path("Resources");
        if (!resources.isObject() || resources.isEmpty()) {
            throw CloudFormationErrors.formatError("At least one Resources member must be defined.");
        }
        Map<String, ResourceDeclaration> declarations = new LinkedHashMap<>();
        resources.fields().forEachRemaining(e -> declarations.put(e.getKey(), ResourceDeclaration.of(e.getKey(), e.getValue())));
        Template template = new Template(body, root.path("Description").isTextual() ? root.get("Description").asText() : null,
                section(root, "Parameters"), root.path("Mappings"), section(root, "Conditions"),
                Collections.unmodifiableMap(declarations), section(root, "Outputs"), section(root, "Rules"));
        Dependencies.check(template);
        return template;
    }

    private static ObjectNode section(ObjectNode root, String name) {
        JsonNode node = root.path(name);
        if (node instanceof MissingNode || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw CloudFormationErrors.formatError(name + " must be an object");
        }
        return (ObjectNode) node;
    }

    List<String> resourceTypes() {
        return resources.values().stream().map(ResourceDeclaration::type).distinct().toList();
    }
}
