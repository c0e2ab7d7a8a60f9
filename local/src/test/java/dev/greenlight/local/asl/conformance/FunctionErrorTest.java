package dev.greenlight.local.asl.conformance;

import static dev.greenlight.local.asl.conformance.Runs.run;
import static dev.greenlight.local.asl.conformance.Runs.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.eval.Execution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Lambda function's unhandled exception (guide, "Handling errors": the function's errorType is the
 * error name; the cause is the error document the runtime wrote): for a Java function, errorMessage,
 * errorType and the stackTrace as "Class.method(File.java:line)" frames, whichever way the task
 * names the function.
 */
class FunctionErrorTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "'Resource': 'arn:aws:states:::lambda:invoke', 'Parameters': {'FunctionName': 'boom'}",
        "'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:boom'",
    })
    void causeIsTheErrorDocumentTheRuntimeWrote(String task) {
        Execution execution = run(single("JSONPath", "'Type': 'Task', " + task), "{}");

        assertThat(execution.error()).isEqualTo("java.lang.IllegalStateException");
        JsonNode document = Json.parse(execution.cause());
        assertThat(document.fieldNames()).toIterable().containsExactly("errorMessage", "errorType", "stackTrace");
        assertThat(document.path("errorMessage").asText()).isEqualTo("boom");
        assertThat(document.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(document.path("stackTrace").get(0).asText()).matches("[\\w.$]+\\.[\\w$<>]+\\([\\w.]+:\\d+\\)");
    }
}
