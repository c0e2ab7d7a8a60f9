package dev.greenlight.local.asl.conformance;

import static dev.greenlight.local.asl.conformance.Runs.inState;
import static dev.greenlight.local.asl.conformance.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.asl.parse.InvalidDefinitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fail (guide, "Fail workflow state"): ErrorPath and CausePath take a reference path, or one of the
 * intrinsic functions States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode,
 * States.Base64Decode, States.Hash and States.UUID. A path that finds nothing fails with
 * States.Runtime, naming the field and the input.
 */
class FailStateTest {

    private static String fail(String fields) {
        return "{'StartAt': 'F', 'States': {'F': {'Type': 'Fail', " + fields + "}}}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'ErrorPath': '$.e', 'CausePath': '$.c'                                         | E1 | C1",
        "'ErrorPath': 'States.Format(`Err.{}`, $.e)', 'Cause': 'static'                 | Err.E1 | static",
        "'Error': 'E', 'CausePath': 'States.Format(`{} then {}`, $.e, $.c)'             | E | E1 then C1",
        "'Error': 'E', 'CausePath': 'States.JsonToString($.list)'                        | E | [1,2]",
        "'Error': 'E', 'CausePath': 'States.ArrayGetItem($.list, 1)'                     | E | 2",
        "'Error': 'E', 'CausePath': 'States.Base64Encode($.c)'                           | E | QzE=",
        "'ErrorPath': '$$.State.Name', 'CausePath': '$$.Execution.Name'                 | F | test",
    })
    void errorAndCauseComeFromPathsAndIntrinsics(String fields, String error, String cause) {
        Execution execution = run(fail(fields), "{'e': 'E1', 'c': 'C1', 'list': [1, 2]}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo(error);
        assertThat(execution.cause()).isEqualTo(cause);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'ErrorPath': '$.ErrorX'            | The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{\"e\":\"E1\"}'",
        "'Error': 'E', 'CausePath': '$.c.d' | The JSONPath '$.c.d' specified for the field 'CausePath' could not be found in the input '{\"e\":\"E1\"}'",
    })
    void pathThatFindsNothingIsStatesRuntime(String fields, String cause) {
        Execution execution = run(fail(fields), "{'e': 'E1'}");

        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).isEqualTo(inState("F", 2, cause));
    }

    /** Only the listed intrinsics, which return strings, may give the error or the cause. */
    @Test
    void otherIntrinsicsAreRefusedAtDefinitionTime() {
        String definition = fail("'ErrorPath': 'States.Array($.e)'").replace('\'', '"');

        assertThatThrownBy(() -> DefinitionParser.parse(definition)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("The value for the field 'ErrorPath' must be a valid Reference Path or one of "
                        + "the intrinsic functions States.ArrayGetItem, States.Base64Decode, States.Base64Encode, "
                        + "States.Format, States.Hash, States.JsonToString, States.UUID");
    }
}
