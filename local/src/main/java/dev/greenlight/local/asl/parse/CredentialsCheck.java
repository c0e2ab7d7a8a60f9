package dev.greenlight.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.component.QueryLanguage;
import java.util.Iterator;

/**
 * A Task's Credentials (guide, "Task workflow state"): an object naming the role to assume, as
 * {@code RoleArn} (a string; in JSONata states also an expression) or, in JSONPath states,
 * {@code RoleArn.$} (a path or an intrinsic function). Checked when the definition loads; the
 * guide gives the shape, not AWS's wording for a wrong one, so the sentences are ours in the style
 * of the other SCHEMA_VALIDATION_FAILED problems.
 */
final class CredentialsCheck {

    private CredentialsCheck() {
    }

    static void check(JsonNode task, QueryLanguage language, Problems problems) {
        JsonNode credentials = task.get("Credentials");
        if (credentials == null) {
            return;
        }
        Problems at = problems.at("Credentials");
        if (!credentials.isObject()) {
            at.add("The value for the field 'Credentials' must be an OBJECT");
            return;
        }
        boolean dynamic = language == QueryLanguage.JSONPath && credentials.has("RoleArn.$");
        if (credentials.has("RoleArn") == dynamic) {
            at.add(language == QueryLanguage.JSONPath
                    ? "The field 'Credentials' must have exactly one of 'RoleArn' or 'RoleArn.$'"
                    : "The field 'RoleArn' is required but was missing");
        }
        for (Iterator<String> fields = credentials.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!field.equals("RoleArn") && !(language == QueryLanguage.JSONPath && field.equals("RoleArn.$"))) {
                at.add("Field '" + field + "' is not supported");
            }
        }
        JsonNode roleArn = credentials.get("RoleArn");
        if (roleArn != null && (!roleArn.isTextual() || roleArn.textValue().isEmpty())) {
            at.at("RoleArn").add("The value for the field 'RoleArn' must be a non-empty STRING");
        }
        TemplateCheck.check(credentials, language, at);
    }
}
