package dev.greenlight.local.asl.conformance;

import static dev.greenlight.local.asl.conformance.Runs.inState;
import static dev.greenlight.local.asl.conformance.Runs.json;
import static dev.greenlight.local.asl.conformance.Runs.run;
import static dev.greenlight.local.asl.conformance.Runs.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a {@code .$} field of a payload template gets when its JSONPath goes through a wildcard or a
 * slice (developer guide, "Using JSONPath paths": such paths select a list): the matches as an
 * array, and an empty array when nothing matches, where a definite path that finds nothing fails
 * with States.Runtime. Bracket notation takes names with quotes in them.
 */
class JsonPathMatchesTest {

    private static Execution parameters(String path, String input) {
        return run(single("JSONPath", "'Type': 'Pass', 'Parameters': {'v.$': '" + path + "'}"), input);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "$.items[*]                | {'items': []}                          | []",
        "$.items[*]                | {}                                     | []",
        "$.items[1:]               | {'items': [1]}                         | []",
        "$.items[1:]               | {}                                     | []",
        "$.item.items[*].itemValue | {'item': {'items': [{'other': 1}]}}    | []",
        "$.item.items[*].itemValue | {}                                     | []",
        "$[:1]                     | {}                                     | []",
        "$.items[*].a              | {'items': [{'a': 1}, {'b': 2}]}        | [1]",
        "$.items[1:]               | {'items': [1, 2, 3]}                   | [2, 3]",
        "$.items[*]                | {'items': {'x': 1}}                    | [1]",
    })
    void wildcardOrSliceGivesTheMatchesAsAnArray(String path, String input, String expected) {
        Execution execution = parameters(path, input);

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json("{'v': " + expected + "}"));
    }

    @Test
    void definitePathThatFindsNothingStillFails() {
        Execution execution = parameters("$.items[0]", "{}");

        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).isEqualTo(inState("S", 2, "The JSONPath '$.items[0]' specified for the field "
                + "'v.$' could not be found in the input '{}'"));
    }

    /** JSON text {@code "$['Test\"Name']"}: the name holds a double quote. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'Parameters': {'v.$': '$[`Test\\'Name`]'}    | {'v': 5}",
        "'InputPath': '$[`Test\\'Name`]'               | 5",
        "'ResultPath': '$[`Test\\'Name`]', 'Result': 6 | {'Test\\'Name': 6}",
    })
    void bracketNotationTakesEscapedQuotes(String fields, String expected) {
        Execution execution = run(single("JSONPath", "'Type': 'Pass', " + fields), "{'Test\\'Name': 5}");

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json(expected));
    }
}
