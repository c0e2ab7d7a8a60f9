package dev.greenlight.local.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.asl.parse.Problem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Task's Credentials, checked when the definition loads (guide, "Task workflow state":
 * {@code "Credentials": {"RoleArn": "..."}}, or {@code "RoleArn.$"} with a path or an intrinsic
 * function in JSONPath states, or a JSONata expression in JSONata states). AWS's wording for a
 * wrong shape is not published; the sentences follow the engine's other schema problems.
 */
class TaskCredentialsTest {

    private static String task(String language, String credentials) {
        return ("{'QueryLanguage': '" + language + "', 'StartAt': 'T', 'States': {'T': {'Type': 'Task', "
                + "'Resource': 'arn:aws:states:::lambda:invoke', 'Credentials': " + credentials + ", 'End': true}}}")
                .replace('\'', '"').replace('`', '\'');
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "JSONPath | {'RoleArn': 'arn:aws:iam::111122223333:role/Target'}",
        "JSONPath | {'RoleArn.$': '$.role'}",
        "JSONPath | {'RoleArn.$': 'States.Format(`arn:aws:iam::{}:role/Target`, $.account)'}",
        "JSONata  | {'RoleArn': 'arn:aws:iam::111122223333:role/Target'}",
        "JSONata  | {'RoleArn': '{% $states.input.role %}'}",
    })
    void wellFormedCredentialsAreAccepted(String language, String credentials) {
        assertThat(DefinitionParser.validate(task(language, credentials))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "JSONPath | 'arn:aws:iam::111122223333:role/Target' | /States/T/Credentials | The value for the field 'Credentials' must be an OBJECT",
        "JSONPath | {}                                         | /States/T/Credentials | The field 'Credentials' must have exactly one of 'RoleArn' or 'RoleArn.$'",
        "JSONPath | {'RoleArn': 'a', 'RoleArn.$': '$.r'}       | /States/T/Credentials | The field 'Credentials' must have exactly one of 'RoleArn' or 'RoleArn.$'",
        "JSONPath | {'RoleArn': 'a', 'Role': 'b'}              | /States/T/Credentials | Field 'Role' is not supported",
        "JSONPath | {'RoleArn': 7}                             | /States/T/Credentials/RoleArn | The value for the field 'RoleArn' must be a non-empty STRING",
        "JSONPath | {'RoleArn.$': 'not a path'}                | /States/T/Credentials/RoleArn.$ | The value for the field 'RoleArn.$' must be a valid JSONPath or a valid intrinsic function call",
        "JSONata  | {'RoleArn.$': '$.r'}                       | /States/T/Credentials | The field 'RoleArn' is required but was missing",
    })
    void malformedCredentialsAreRefusedAtDefinitionTime(String language, String credentials, String location,
            String message) {
        List<Problem> problems = DefinitionParser.validate(task(language, credentials));

        assertThat(problems).contains(new Problem("SCHEMA_VALIDATION_FAILED", message, location));
    }
}
