package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The template's Conditions section and the condition functions. A condition may name another
 * (with {@code {"Condition": "Other"}}); each is evaluated once, from parameters and pseudo
 * parameters only, before any resource is made.
 */
final class Conditions {

    private Conditions() {
    }

    static Map<String, Boolean> evaluateAll(ObjectNode declared, Scope scope) {
        Map<String, Boolean> values = new LinkedHashMap<>();
        declared.fieldNames().forEachRemaining(name -> evaluateNamed(name, declared, scope, values, new LinkedHashSet<>()));
        return values;
    }

    private static boolean evaluateNamed(String name, ObjectNode declared, Scope scope, Map<String, Boolean> values,
            Set<String> visiting) {
        Boolean known = values.get(name);
        if (known != null) {
            return known;
        }
        if (!declared.has(name)) {
            throw CloudFormationErrors.templateError("unresolved condition dependency " + name);
        }
        if (!visiting.add(name)) {
            throw CloudFormationErrors.templateError("circular condition dependency " + visiting);
        }
        Map<String, Boolean> named = new HashMap<>();
        Set<String> referenced = new LinkedHashSet<>();
        collectConditionNames(declared.get(name), referenced);
        for (String other : referenced) {
            named.put(other, evaluateNamed(other, declared, scope, values, visiting));
        }
        boolean value = new Intrinsics(scope.withConditions(named)).condition(declared.get(name));
        values.put(name, value);
        visiting.remove(name);
        return value;
    }

    private static void collectConditionNames(JsonNode node, Set<String> names) {
        if (node.isObject() && node.size() == 1 && node.has("Condition") && node.get("Condition").isTextual()) {
            names.add(node.get("Condition").asText());
            return;
        }
        node.forEach(child -> collectConditionNames(child, names));
    }

    /** One condition function on its (unresolved) argument. */
    static boolean evaluate(String function, JsonNode argument, Intrinsics intrinsics, Scope scope) {
        return switch (function) {
            case "Fn::Equals" -> {
                requireSize(function, argument, 2, 2);
                yield intrinsics.resolve(argument.get(0)).asText().equals(intrinsics.resolve(argument.get(1)).asText());
            }
            case "Fn::And" -> {
                requireSize(function, argument, 2, 10);
                boolean all = true;
                for (JsonNode item : argument) {
                    all &= intrinsics.condition(item);
                }
                yield all;
            }
            case "Fn::Or" -> {
                requireSize(function, argument, 2, 10);
                boolean any = false;
                for (JsonNode item : argument) {
                    any |= intrinsics.condition(item);
                }
                yield any;
            }
            case "Fn::Not" -> {
                requireSize(function, argument, 1, 1);
                yield !intrinsics.condition(argument.get(0));
            }
            case "Condition" -> {
                Boolean value = scope.conditions().get(argument.asText());
                if (value == null) {
                    throw CloudFormationErrors.templateError("unresolved condition dependency " + argument.asText());
                }
                yield value;
            }
            case "Fn::Contains" -> {
                requireSize(function, argument, 2, 2);
                String value = intrinsics.resolve(argument.get(1)).asText();
                boolean found = false;
                for (JsonNode item : intrinsics.resolve(argument.get(0))) {
                    found |= item.asText().equals(value);
                }
                yield found;
            }
            default -> throw CloudFormationErrors.formatError("Encountered unsupported function: " + function);
        };
    }

    private static void requireSize(String function, JsonNode argument, int min, int max) {
        if (!argument.isArray() || argument.size() < min || argument.size() > max) {
            throw CloudFormationErrors.templateError(function + " takes a list of " + (min == max ? min : min + " to " + max)
                    + " elements");
        }
    }
}
