package dev.greenlight.local.asl.conformance;

import static dev.greenlight.local.asl.conformance.Runs.json;
import static dev.greenlight.local.asl.conformance.Runs.run;
import static dev.greenlight.local.asl.conformance.Runs.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSONata functions Step Functions adds (developer guide, "Transforming data with JSONata in
 * Step Functions", "JSONata functions provided by Step Functions"). The expected values are the
 * guide's examples and the digests any implementation of the named algorithms gives.
 */
class JsonataFunctionsTest {

    private static Execution output(String expression, String input) {
        return run(single("JSONata", "'Type': 'Pass', 'Output': '{% " + expression + " %}'"), input);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "$partition([1, 2, 3, 4], 2)                            | [[1, 2], [3, 4]]",
        "$partition([1, 2, 3, 4, 5], 2)                         | [[1, 2], [3, 4], [5]]",
        "$partition($states.input.list, 10)                     | [[1, 2, 3]]",
        "$range(0, 10, 2)                                       | [0, 2, 4, 6, 8, 10]",
        "$range(10, 0, -5)                                      | [10, 5, 0]",
        "$range(1, 9, 3)                                        | [1, 4, 7]",
        "$hash(`input data`, `SHA-1`)                           | 'aaff4a450a104cd177d28d18d74485e8cae074b7'",
        "$hash(`hello`, `MD5`)                                  | '5d41402abc4b2a76b9719d911017c592'",
        "$hash(`hello`, `SHA-256`)                              | '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'",
        "$parse($states.input.text)                             | {'a': [1, 'two', true, null]}",
        "$parse(`42`)                                           | 42",
        "$random(7) = $random(7)                                | true",
        "$random() >= 0 and $random() < 1                       | true",
        "$random(7) >= 0 and $random(7) < 1                     | true",
        "$length($uuid())                                       | 36",
        "$uuid() ~> $match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) ~> $count() | 1",
    })
    void functionGivesTheDocumentedValue(String expression, String expected) {
        Execution execution = output(expression, "{'list': [1, 2, 3], 'text': '{\\'a\\': [1, \\'two\\', true, null]}'}");

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json(expected));
    }

    /** Two $uuid() calls differ; $random without a seed draws a new number each time. */
    @Test
    void uuidAndUnseededRandomDrawNewValues() {
        JsonNode output = output("[$uuid(), $uuid(), $random(), $random()]", "{}").output();

        assertThat(output.get(0)).isNotEqualTo(output.get(1));
        assertThat(output.get(2)).isNotEqualTo(output.get(3));
    }

    /** A bad argument fails the state with States.QueryEvaluationError, as any throwing expression does. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "$partition([1, 2], 0)",
        "$partition(`abc`, 2)",
        "$range(0, 10, 0)",
        "$hash(`x`, `SHA-999`)",
        "$parse(`not json`)",
    })
    void badArgumentIsAQueryEvaluationError(String expression) {
        Execution execution = output(expression, "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(execution.cause()).contains("threw an error during evaluation");
    }

    /** The guide: "$eval is not available; use $parse instead". */
    @Test
    void evalIsNotAvailable() {
        Execution execution = output("$eval(`1 + 1`)", "{}");

        assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(execution.cause()).endsWith("threw an error during evaluation. T1006: Attempted to invoke a "
                + "non-function");
    }
}
