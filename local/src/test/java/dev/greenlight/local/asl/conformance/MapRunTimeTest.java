package dev.greenlight.local.asl.conformance;

import static dev.greenlight.local.asl.conformance.Runs.inState;
import static dev.greenlight.local.asl.conformance.Runs.run;
import static dev.greenlight.local.asl.conformance.Runs.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Map state's limits and items read at run time (guide, "Map state": MaxConcurrencyPath,
 * ToleratedFailureCountPath and ToleratedFailurePercentagePath take "a non-negative integer" and
 * "a number between 0 and 100" from the input; ItemsPath and Items "must be a JSON array"). A bad
 * value fails the execution with States.Runtime, worded as AWS words it (causes recorded from AWS
 * in localstack's snapshot tests; the guide does not print them); States.ALL does not catch it.
 */
class MapRunTimeTest {

    private static final String PROCESSOR = "'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Pass', "
            + "'End': true}}}";

    private static Execution map(String field, String value) {
        String state = "'Type': 'Map', 'ItemsPath': '$.items', '" + field + "': '$.v', " + PROCESSOR
                + ", 'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'Caught'}]";
        String definition = "{'StartAt': 'S', 'States': {'S': {" + state + ", 'End': true}, "
                + "'Caught': {'Type': 'Pass', 'End': true}}}";
        return run(definition, "{'items': [1, 2], 'v': " + value + "}");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "MaxConcurrencyPath             | -1        | Expected non-negative integer for MaxConcurrency, got '-1' instead.",
        "MaxConcurrencyPath             | `many`    | The MaxConcurrencyPath field refers to value \"many\" which is not a valid integer: $.v",
        "MaxConcurrencyPath             | {}        | The MaxConcurrencyPath field refers to value \"{}\" which is not a valid integer: $.v",
        "MaxConcurrencyPath             | true      | The MaxConcurrencyPath field refers to value \"true\" which is not a valid integer: $.v",
        "ToleratedFailureCountPath      | -1        | ToleratedFailureCount cannot be negative.",
        "ToleratedFailureCountPath      | 1.5       | The ToleratedFailureCountPath field refers to value \"1.5\" which is not a valid integer: $.v",
        "ToleratedFailureCountPath      | {'a': 1}  | The ToleratedFailureCountPath field refers to value \"{\"a\":1}\" which is not a valid integer: $.v",
        "ToleratedFailurePercentagePath | 101       | ToleratedFailurePercentage must be between 0 and 100.",
        "ToleratedFailurePercentagePath | -0.5      | ToleratedFailurePercentage must be between 0 and 100.",
        "ToleratedFailurePercentagePath | `half`    | The ToleratedFailurePercentagePath field refers to value \"half\" which is not a valid float: $.v",
        "ToleratedFailurePercentagePath | [50]      | The ToleratedFailurePercentagePath field refers to value \"[50]\" which is not a valid float: $.v",
    })
    void badLimitFailsTheExecutionWithStatesRuntime(String field, String value, String cause) {
        Execution execution = map(field, value.replace('`', '\''));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).isEqualTo(cause);
    }

    /** A string that holds an integer is read as the integer; a percentage may have a fraction. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "MaxConcurrencyPath             | `2`",
        "MaxConcurrencyPath             | 0",
        "ToleratedFailureCountPath      | `3`",
        "ToleratedFailurePercentagePath | 12.5",
        "ToleratedFailurePercentagePath | `50`",
    })
    void goodLimitRuns(String field, String value) {
        Execution execution = map(field, value.replace('`', '\''));

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).hasToString("[1,2]");
    }

    /** JSONPath: ItemsPath must select an array. */
    @Test
    void itemsPathThatIsNotAnArrayIsAQueryEvaluationError() {
        Execution execution = run(single("JSONPath", "'Type': 'Map', 'ItemsPath': '$.items', " + PROCESSOR),
                "{'items': {'a': 1}}");

        assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(execution.cause()).isEqualTo(inState("S", 2, "Map state input must be an array but was: object"));
    }

    /** JSONata: the cause names the expression and the type it returned. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'a': 1} | object",
        "`text`   | string",
        "3        | number",
        "false    | boolean",
    })
    void jsonataItemsThatAreNotAnArrayNameTheType(String value, String type) {
        Execution execution = run(single("JSONata", "'Type': 'Map', 'Items': '{% $states.input.items %}', "
                + PROCESSOR), "{'items': " + value.replace('`', '\'') + "}");

        assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(execution.cause()).isEqualTo(inState("S", 2, "The JSONata expression '$states.input.items' "
                + "specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '"
                + type + "'"));
    }

    /** In a JSONata state the limits may be expressions; their bad values fail alike (AWS's wording unrecorded). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'MaxConcurrency': '{% $states.input.v %}'             | -2     | Expected non-negative integer for MaxConcurrency, got '-2' instead.",
        "'ToleratedFailureCount': '{% $states.input.v %}'      | 'many' | The ToleratedFailureCount field refers to value \"many\" which is not a valid integer: $states.input.v",
        "'ToleratedFailurePercentage': '{% $states.input.v %}' | 200    | ToleratedFailurePercentage must be between 0 and 100.",
    })
    void badJsonataLimitFailsTheExecution(String field, String value, String cause) {
        Execution execution = run(single("JSONata", "'Type': 'Map', 'Items': '{% $states.input.items %}', " + field
                + ", " + PROCESSOR), "{'items': [1], 'v': " + value + "}");

        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).isEqualTo(cause);
    }
}
