package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation's intrinsic functions in a template fragment: Ref, Fn::GetAtt, Fn::Sub,
 * Fn::Join, Fn::Select, Fn::Split, Fn::If, Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition,
 * Fn::FindInMap, Fn::GetAZs, Fn::ImportValue, Fn::Base64 and Fn::Cidr. {@code Ref AWS::NoValue}
 * removes the property (or list item) it stands for. Any other {@code Fn::} is refused, as AWS
 * refuses an unknown function.
 */
final class Intrinsics {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for AWS::NoValue until the enclosing object or list drops it. */
    static final JsonNode NO_VALUE = MissingNode.getInstance();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not",
            "Condition", "Fn::Contains");

    private final Scope scope;

    Intrinsics(Scope scope) {
        this.scope = scope;
    }

    JsonNode resolve(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (JsonNode item : node) {
                JsonNode value = resolve(item);
                if (!value.isMissingNode()) {
                    out.add(value);
                }
            }
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String key = node.fieldNames().next();
            if (key.equals("Ref") || key.startsWith("Fn::") || (key.equals("Condition") && node.get(key).isTextual()
                    && scope.conditions().containsKey(node.get(key).asText()))) {
                return function(key, node.get(key));
            }
        }
        ObjectNode out = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = resolve(field.getValue());
            if (!value.isMissingNode()) {
                out.set(field.getKey(), value);
            }
        }
        return out;
    }

    /** Evaluates a condition expression (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition). */
    boolean condition(JsonNode node) {
        JsonNode value = resolve(node);
        if (!value.isBoolean() && !(value.isTextual() && Set.of("true", "false").contains(value.asText()))) {
            throw CloudFormationErrors.templateError("condition must evaluate to a boolean: " + node);
        }
        return value.asBoolean();
    }

    private JsonNode function(String name, JsonNode argument) {
        return switch (name) {
            case "Ref" -> ref(text(name, resolve(argument)));
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> join(resolve(argument));
            case "Fn::Select" -> select(resolve(argument));
            case "Fn::Split" -> split(resolve(argument));
            case "Fn::If" -> conditional(argument);
            case "Fn::FindInMap" -> findInMap(resolve(argument));
            case "Fn::GetAZs" -> availabilityZones(resolve(argument));
            case "Fn::ImportValue" -> importValue(text(name, resolve(argument)));
            case "Fn::Base64" -> NODES.textNode(Base64.getEncoder().encodeToString(
                    text(name, resolve(argument)).getBytes(StandardCharsets.UTF_8)));
            case "Fn::Cidr" -> Cidrs.of(resolve(argument));
            default -> {
                if (CONDITION_FUNCTIONS.contains(name)) {
                    yield NODES.booleanNode(Conditions.evaluate(name, argument, this, scope));
                }
                throw CloudFormationErrors.formatError("Encountered unsupported function: " + name);
            }
        };
    }

    private JsonNode ref(String name) {
        JsonNode parameter = scope.parameters().get(name);
        if (parameter != null) {
            return parameter;
        }
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        JsonNode pseudo = scope.pseudoParameters().get(name);
        if (pseudo != null) {
            return pseudo;
        }
        if (!scope.resources().declared(name)) {
            throw CloudFormationErrors.formatError("Unresolved resource dependencies [" + name
                    + "] in the Resources block of the template");
        }
        return scope.resources().ref(name).orElseThrow(() -> CloudFormationErrors.templateError(
                "Ref to " + name + ", which is not created (its condition is false)"));
    }

    private JsonNode getAtt(JsonNode argument) {
        String resource;
        String attribute;
        if (argument.isTextual()) {
            String[] parts = argument.asText().split("\\.", 2);
            resource = parts[0];
            attribute = parts.length > 1 ? parts[1] : "";
        } else {
            resource = text("Fn::GetAtt", argument.path(0));
            attribute = text("Fn::GetAtt", resolve(argument.path(1)));
        }
        return attribute(resource, attribute);
    }

    private JsonNode attribute(String resource, String attribute) {
        if (!scope.resources().declared(resource)) {
            throw CloudFormationErrors.templateError("instance of Fn::GetAtt references undefined resource " + resource);
        }
        return scope.resources().attribute(resource, attribute).orElseThrow(() -> CloudFormationErrors.templateError(
                "resource " + resource + " does not support attribute type " + attribute + " in Fn::GetAtt"));
    }

    private JsonNode sub(JsonNode argument) {
        String text;
        Map<String, JsonNode> variables = new java.util.HashMap<>();
        if (argument.isArray()) {
            text = text("Fn::Sub", argument.path(0));
            resolve(argument.path(1)).fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
        } else {
            text = text("Fn::Sub", argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String replacement;
            if (variable.startsWith("!")) {
                replacement = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                replacement = variables.get(variable).asText();
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                String[] parts = variable.split("\\.", 2);
                replacement = scalar(attribute(parts[0], parts[1]));
            } else {
                replacement = scalar(ref(variable));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return NODES.textNode(out.toString());
    }

    private JsonNode join(JsonNode argument) {
        String delimiter = text("Fn::Join", argument.path(0));
        List<String> parts = new ArrayList<>();
        list("Fn::Join", argument.path(1)).forEach(part -> parts.add(scalar(part)));
        return NODES.textNode(String.join(delimiter, parts));
    }

    private JsonNode select(JsonNode argument) {
        int index = argument.path(0).asInt(-1);
        JsonNode list = list("Fn::Select", argument.path(1));
        if (index < 0 || index >= list.size()) {
            throw CloudFormationErrors.templateError("Fn::Select cannot select nonexistent value at index " + index);
        }
        return list.get(index);
    }

    private JsonNode split(JsonNode argument) {
        String delimiter = text("Fn::Split", argument.path(0));
        ArrayNode out = NODES.arrayNode();
        for (String part : text("Fn::Split", argument.path(1)).split(Pattern.quote(delimiter), -1)) {
            out.add(part);
        }
        return out;
    }

    private JsonNode conditional(JsonNode argument) {
        String condition = text("Fn::If", argument.path(0));
        Boolean value = scope.conditions().get(condition);
        if (value == null) {
            throw CloudFormationErrors.templateError("unresolved condition dependency " + condition + " in Fn::If");
        }
        return resolve(argument.path(value ? 1 : 2));
    }

    private JsonNode findInMap(JsonNode argument) {
        JsonNode value = scope.mappings().path(text("Fn::FindInMap", argument.path(0)))
                .path(text("Fn::FindInMap", argument.path(1))).path(text("Fn::FindInMap", argument.path(2)));
        if (value.isMissingNode()) {
            throw CloudFormationErrors.templateError("Unable to get mapping for " + argument.path(0).asText() + "::"
                    + argument.path(1).asText() + "::" + argument.path(2).asText());
        }
        return value;
    }

    private JsonNode availabilityZones(JsonNode argument) {
        String region = argument.asText("");
        ArrayNode zones = NODES.arrayNode();
        if (region.isEmpty() || region.equals(scope.pseudoParameters().get("AWS::Region").asText())) {
            scope.availabilityZones().forEach(zones::add);
        }
        return zones;
    }

    private JsonNode importValue(String name) {
        return NODES.textNode(scope.exports().value(name).orElseThrow(() ->
                CloudFormationErrors.validation("No export named " + name + " found.")));
    }

    private static JsonNode list(String function, JsonNode node) {
        if (!node.isArray()) {
            throw CloudFormationErrors.templateError("every " + function + " object requires a list argument");
        }
        return node;
    }

    private static String text(String function, JsonNode node) {
        if (!node.isValueNode()) {
            throw CloudFormationErrors.templateError("every " + function + " object requires a string argument, got "
                    + node);
        }
        return node.asText();
    }

    private static String scalar(JsonNode node) {
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        return node.asText();
    }
}
