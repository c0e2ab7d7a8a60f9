package dev.greenlight.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.component.QueryLanguage;
import dev.greenlight.local.asl.intrinsics.IntrinsicFunctions;
import dev.greenlight.local.asl.query.Jsonata;
import dev.greenlight.local.asl.query.ScopedPath;
import java.util.Iterator;
import java.util.Map;

/** Checks templates at load time: every {@code .$} path and intrinsic, every JSONata expression. */
final class TemplateCheck {

    private TemplateCheck() {
    }

    static void check(JsonNode template, QueryLanguage language, Problems problems) {
        if (language == QueryLanguage.JSONata) {
            checkJsonata(template, problems);
        } else {
            checkPayloadTemplate(template, problems);
        }
    }

    /** A path field (InputPath, SecondsPath, ...): a JSONPath, or a context or variable path. */
    static void checkPath(String field, JsonNode value, boolean reference, Problems problems) {
        if (value == null || (value.isNull() && !field.endsWith("SecondsPath"))) {
            return;
        }
        if (!value.isTextual() || !ScopedPath.isValid(value.textValue())) {
            problems.add("The value for the field '" + field + "' must be a valid JSONPath");
        } else if (reference && !ScopedPath.isReferencePath(value.textValue())) {
            problems.add("The value for the field '" + field + "' must be a valid Reference Path");
        }
    }

    /** One JSONata expression string, or a value that may hold them. */
    static void checkJsonata(JsonNode value, Problems problems) {
        if (value.isTextual() && Jsonata.isExpression(value)) {
            String error = Jsonata.syntaxError(Jsonata.body(value.textValue()));
            if (error != null) {
                problems.add("The JSONata expression '" + value.textValue() + "' is invalid: " + error);
            }
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                checkJsonata(field.getValue(), problems.at(field.getKey()));
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                checkJsonata(value.get(i), problems.at(i));
            }
        }
    }

    private static void checkPayloadTemplate(JsonNode value, Problems problems) {
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().endsWith(".$")) {
                    checkDynamicField(field.getKey(), field.getValue(), problems.at(field.getKey()));
                } else {
                    checkPayloadTemplate(field.getValue(), problems.at(field.getKey()));
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                checkPayloadTemplate(value.get(i), problems.at(i));
            }
        }
    }

    private static void checkDynamicField(String key, JsonNode value, Problems problems) {
        if (!value.isTextual()) {
            problems.add("The value for the field '" + key + "' must be a STRING that contains a JSONPath or an "
                    + "intrinsic function");
            return;
        }
        String text = value.textValue();
        if (IntrinsicFunctions.isIntrinsic(text)) {
            IntrinsicFunctions.validate(text).forEach(problem ->
                    problems.add("The value for the field '" + key + "' must be a valid intrinsic function: " + problem));
        } else if (!ScopedPath.isValid(text)) {
            problems.add("The value for the field '" + key + "' must be a valid JSONPath or a valid intrinsic "
                    + "function call");
        }
    }
}
