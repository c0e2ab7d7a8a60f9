package dev.greenlight.workers.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A JSON object of the configuration at a path, read field by field; every problem names its path. */
final class Node {

    private final JsonNode json;
    private final String path;
    private final List<String> problems;

    Node(JsonNode json, String path, List<String> problems) {
        this.json = json;
        this.path = path;
        this.problems = problems;
    }

    /** Reports fields this object does not know, which are usually typos. */
    Node only(Set<String> known) {
        json.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                problem(field, "unknown field (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        });
        return this;
    }

    String text(String field, String otherwise) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (otherwise == null) {
                problem(field, "is required");
            }
            return otherwise;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            problem(field, "must be a non-empty string");
            return otherwise;
        }
        return value.textValue();
    }

    /** A string that may be absent (null), but not blank when given. */
    String optionalText(String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : text(field, null);
    }

    /** An integer within [min, max]; {@code otherwise} when absent (null: required). */
    Integer integer(String field, int min, int max, Integer otherwise) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (otherwise == null && !optional) {
                problem(field, "is required");
            }
            return otherwise;
        }
        if (!value.isIntegralNumber() || value.longValue() < min || value.longValue() > max) {
            problem(field, "must be a whole number from " + min + " to " + max + ", got " + value);
            return otherwise;
        }
        return value.intValue();
    }

    /** A number within [min, max]; {@code otherwise} when absent. */
    double number(String field, double min, double max, double otherwise) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isNumber() || value.doubleValue() < min || value.doubleValue() > max) {
            problem(field, "must be a number from " + min + " to " + max + ", got " + value);
            return otherwise;
        }
        return value.doubleValue();
    }

    /** A required integer: 0 stands in when it is missing or wrong, and the problem is reported. */
    int requiredInteger(String field, int min, int max) {
        Integer value = integer(field, min, max, null);
        return value == null ? 0 : value;
    }

    private boolean optional;

    /** The same object, where absent integers are allowed to stay null. */
    Node optionalIntegers() {
        Node node = new Node(json, path, problems);
        node.optional = true;
        return node;
    }

    Node object(String field, boolean required) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            problem(field, "must be an object");
            return null;
        }
        return new Node(value, at(field), problems);
    }

    List<String> strings(String field) {
        List<String> result = new ArrayList<>();
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            problem(field, "must be a list of strings");
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual() && !value.get(i).textValue().isBlank()) {
                result.add(value.get(i).textValue());
            } else {
                problems.add(at(field) + "[" + i + "]: must be a non-empty string");
            }
        }
        return result;
    }

    List<Node> objects(String field) {
        List<Node> result = new ArrayList<>();
        JsonNode value = json.get(field);
        if (value == null || !value.isArray()) {
            problem(field, "must be a list of objects");
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isObject()) {
                result.add(new Node(value.get(i), at(field) + "[" + i + "]", problems));
            } else {
                problems.add(at(field) + "[" + i + "]: must be an object");
            }
        }
        return result;
    }

    void problem(String field, String message) {
        problems.add(at(field) + ": " + message);
    }

    private String at(String field) {
        return path + "." + field;
    }
}
