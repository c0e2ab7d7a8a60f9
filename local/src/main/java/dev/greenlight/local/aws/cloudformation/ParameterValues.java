package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

/**
 * A stack's parameter values: those given, else the previous value (UsePreviousValue) or the
 * declared Default, checked against the declaration (Type, AllowedValues, AllowedPattern, lengths
 * and bounds). SSM parameter types take their value from Parameter Store, as AWS resolves them
 * on every create and update.
 */
record ParameterValues(Map<String, String> given, Map<String, JsonNode> values, List<Parameter> described) {

    private static final String SSM_VALUE = "AWS::SSM::Parameter::Value<";

    static ParameterValues resolve(Template template, List<Parameter> parameters, Map<String, String> previous,
            ParameterStore store) {
        Set<String> undeclared = new TreeSet<>();
        Map<String, String> given = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            if (!template.parameters().has(parameter.parameterKey())) {
                undeclared.add(parameter.parameterKey());
            } else if (Boolean.TRUE.equals(parameter.usePreviousValue())) {
                String old = previous.get(parameter.parameterKey());
                if (old == null) {
                    throw CloudFormationErrors.validation("Invalid input for parameter key " + parameter.parameterKey()
                            + ". Cannot specify usePreviousValue as true for a parameter key not in the previous template");
                }
                given.put(parameter.parameterKey(), old);
            } else {
                given.put(parameter.parameterKey(), parameter.parameterValue());
            }
        }
        if (!undeclared.isEmpty()) {
            throw CloudFormationErrors.validation("Parameters: " + undeclared + " do not exist in the template");
        }
        Set<String> missing = new TreeSet<>();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        List<Parameter> described = new ArrayList<>();
        template.parameters().fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode declaration = e.getValue();
            String value = given.containsKey(name) ? given.get(name)
                    : declaration.has("Default") ? declaration.get("Default").asText() : null;
            if (value == null) {
                missing.add(name);
                return;
            }
            given.putIfAbsent(name, value);
            String type = declaration.path("Type").asText("String");
            check(name, declaration, type, value);
            String resolved = type.startsWith(SSM_VALUE) ? store.value(value).orElseThrow(() ->
                    CloudFormationErrors.validation("Unable to fetch parameters [" + value
                            + "] from parameter store for this account.")) : null;
            values.put(name, typed(type, resolved != null ? resolved : value));
            boolean noEcho = declaration.path("NoEcho").asText("false").equals("true");
            described.add(Parameter.builder().parameterKey(name).parameterValue(noEcho ? "****" : value)
                    .resolvedValue(resolved).build());
        });
        if (!missing.isEmpty()) {
            throw CloudFormationErrors.validation("Parameters: " + missing + " must have values");
        }
        return new ParameterValues(Map.copyOf(given), values, List.copyOf(described));
    }

    private static void check(String name, JsonNode declaration, String type, String value) {
        if (declaration.has("AllowedValues")) {
            boolean allowed = false;
            for (JsonNode option : declaration.get("AllowedValues")) {
                allowed |= option.asText().equals(value);
            }
            if (!allowed) {
                throw CloudFormationErrors.validation("Parameter '" + name + "' must be one of AllowedValues");
            }
        }
        if (declaration.has("AllowedPattern") && !value.matches(declaration.get("AllowedPattern").asText())) {
            throw CloudFormationErrors.validation("Parameter '" + name + "' must match pattern "
                    + declaration.get("AllowedPattern").asText());
        }
        if (declaration.has("MinLength") && value.length() < declaration.get("MinLength").asInt()) {
            throw CloudFormationErrors.validation("Parameter '" + name + "' must contain at least "
                    + declaration.get("MinLength").asInt() + " characters");
        }
        if (declaration.has("MaxLength") && value.length() > declaration.get("MaxLength").asInt()) {
            throw CloudFormationErrors.validation("Parameter '" + name + "' must contain at most "
                    + declaration.get("MaxLength").asInt() + " characters");
        }
        if (type.equals("Number")) {
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw CloudFormationErrors.validation("Parameter '" + name + "' must be a number.");
            }
            if (declaration.has("MinValue") && number < declaration.get("MinValue").asDouble()) {
                throw CloudFormationErrors.validation("Parameter '" + name + "' must be a number not less than "
                        + declaration.get("MinValue").asText());
            }
            if (declaration.has("MaxValue") && number > declaration.get("MaxValue").asDouble()) {
                throw CloudFormationErrors.validation("Parameter '" + name + "' must be a number not greater than "
                        + declaration.get("MaxValue").asText());
            }
        }
    }

    private static JsonNode typed(String type, String value) {
        boolean list = type.equals("CommaDelimitedList") || type.startsWith("List<")
                || type.startsWith(SSM_VALUE + "List<") || type.equals(SSM_VALUE + "CommaDelimitedList>");
        if (!list) {
            return JsonNodeFactory.instance.textNode(value);
        }
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (String item : value.split(",", -1)) {
            items.add(item.trim());
        }
        return items;
    }
}
