package dev.greenlight.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.DataFlow.OptionalPath;
import dev.greenlight.local.asl.component.QueryLanguage;
import dev.greenlight.local.asl.component.Template;

/** Parses the fields that shape a state's data: paths and templates (JSONPath), Arguments and Output (JSONata). */
final class DataFlowParser {

    private DataFlowParser() {
    }

    static DataFlow parse(JsonNode state, QueryLanguage language, Problems problems) {
        return new DataFlow(language,
                path(state, "InputPath", false, problems),
                objectTemplate(state, "Parameters", language, problems),
                objectTemplate(state, "ResultSelector", language, problems),
                path(state, "ResultPath", true, problems),
                path(state, "OutputPath", false, problems),
                template(state, "Arguments", language, problems),
                template(state, "Output", language, problems),
                objectTemplate(state, "Assign", language, problems));
    }

    private static OptionalPath path(JsonNode state, String field, boolean reference, Problems problems) {
        JsonNode value = state.get(field);
        if (value == null) {
            return OptionalPath.ROOT;
        }
        if (value.isNull()) {
            return OptionalPath.NULL;
        }
        TemplateCheck.checkPath(field, value, reference, problems.at(field));
        return new OptionalPath(value.asText());
    }

    /** A template that may be any JSON value (JSONata Output and Arguments, Pass Result). */
    static Template template(JsonNode state, String field, QueryLanguage language, Problems problems) {
        JsonNode value = state.get(field);
        if (value == null) {
            return null;
        }
        TemplateCheck.check(value, language, problems.at(field));
        return new Template(field, value);
    }

    /** A template that must be a JSON object (Parameters, ResultSelector, Assign, ItemSelector). */
    static Template objectTemplate(JsonNode state, String field, QueryLanguage language, Problems problems) {
        JsonNode value = state.get(field);
        if (value != null && !value.isObject()) {
            problems.at(field).add("The value for the field '" + field + "' must be an OBJECT");
            return null;
        }
        return template(state, field, language, problems);
    }
}
