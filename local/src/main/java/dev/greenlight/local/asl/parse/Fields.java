package dev.greenlight.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads typed fields of a definition object, adding a problem for each one of the wrong type. */
final class Fields {

    private Fields() {
    }

    static String text(JsonNode node, String field, Problems problems) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problems.at(field).add("The value for the field '" + field + "' must be a STRING");
            return null;
        }
        return value.textValue();
    }

    static String requiredText(JsonNode node, String field, Problems problems) {
        if (!node.has(field)) {
            problems.add("The field '" + field + "' is required");
            return null;
        }
        return text(node, field, problems);
    }

    /** An integer field no smaller than {@code min}. */
    static Integer integer(JsonNode node, String field, int min, Problems problems) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        String problem = integerProblem(value, min);
        if (problem != null) {
            problems.at(field).add(problem);
            return null;
        }
        return value.intValue();
    }

    /** What is wrong with an integer field, in the schema validator's words AWS reports; null when nothing. */
    static String integerProblem(JsonNode value, int min) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            return "Expected value of type [INTEGER]";
        }
        return value.intValue() < min ? "Minimum value is " + min : null;
    }

    static Double number(JsonNode node, String field, double min, double max, Problems problems) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() < min || value.doubleValue() > max) {
            problems.at(field).add("The value for the field '" + field + "' must be a NUMBER between " + min
                    + " and " + max);
            return null;
        }
        return value.doubleValue();
    }

    static List<String> strings(JsonNode node, String field, Problems problems) {
        JsonNode value = node.get(field);
        List<String> result = new ArrayList<>();
        if (value == null || !value.isArray() || value.isEmpty()) {
            problems.at(field).add("The field '" + field + "' must be a non-empty array of STRING");
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                result.add(value.get(i).textValue());
            } else {
                problems.at(field).at(i).add("The value must be a STRING");
            }
        }
        return result;
    }

    /** Whether {@code node} has at most one of {@code fields}; adds a problem otherwise. */
    static boolean atMostOne(JsonNode node, Problems problems, String... fields) {
        int count = 0;
        for (String field : fields) {
            if (node.has(field)) {
                count++;
            }
        }
        if (count > 1) {
            problems.add("Only one of " + String.join(", ", fields) + " may be set");
            return false;
        }
        return true;
    }
}
