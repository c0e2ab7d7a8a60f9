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
 * An expression whose whole result is JSON null gives the value null; only one that gives nothing (undefined)
 * fails the state with States.QueryEvaluationError. The developer guide names undefined results as the
 * failure ("Transforming data with JSONata": a field whose expression returns nothing) and says nothing
 * against null, which JSONata 2.0.6 treats as a value ({@code $exists(null)} is true); LocalStack's
 * interpreter, checked against AWS, fails a result only when {@code $exists} of it is false. So null is kept
 * in Output, Arguments and Assign, at the top and nested, from a path and from a computed expression alike.
 */
class JsonataNullTest {

    private static final String INVOKE = "'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke'";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "whole Output, a null field        | 'Type': 'Pass', 'Output': '{% $states.input.bar %}'                    | null",
        "whole Output, the literal null    | 'Type': 'Pass', 'Output': '{% null %}'                                 | null",
        "whole Output, computed null       | 'Type': 'Pass', 'Output': '{% $states.input.n = 1 ? null : 2 %}'       | null",
        "nested Output                     | 'Type': 'Pass', 'Output': {'v': '{% $states.input.bar %}'}             | {'v': null}",
        "Output array element              | 'Type': 'Pass', 'Output': [1, '{% $states.input.bar %}']               | [1, null]",
        "Arguments field                   | " + INVOKE + ", 'Arguments': {'FunctionName': 'echo', 'Payload': {'x': '{% $states.input.bar %}'}}, 'Output': '{% $states.result.Payload %}' | {'x': null}",
        "whole Arguments                   | 'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:echo', 'Arguments': '{% $states.input.bar %}' | null",
    })
    void anExpressionWhoseResultIsNull_givesNull(String name, String state, String output) {
        Execution execution = run(single("JSONata", state), "{'bar': null, 'n': 1}");

        assertThat(execution.status()).as(execution.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json(output));
    }

    /** Assign and Output see the variables as they were before the state, so the next state reads the null back. */
    @Test
    void aVariableAssignedNull_holdsNull() {
        Execution execution = run("{'QueryLanguage': 'JSONata', 'StartAt': 'A', 'States': {"
                + "'A': {'Type': 'Pass', 'Assign': {'x': '{% $states.input.bar %}'}, 'Next': 'B'}, "
                + "'B': {'Type': 'Pass', 'Output': {'x': '{% $x %}', 'exists': '{% $exists($x) %}', "
                + "'type': '{% $type($x) %}'}, 'End': true}}}", "{'bar': null}");

        assertThat(execution.status()).as(execution.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json("{'x': null, 'exists': true, 'type': 'null'}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an absent field  | $states.input.absent",
        "a field of null  | $states.input.bar.deeper",
        "an empty filter  | $states.input.list[$ > 5]",
    })
    void anExpressionThatGivesNothing_stillFails(String name, String expression) {
        Execution execution = run(single("JSONata", "'Type': 'Pass', 'Output': {'v': '{% " + expression + " %}'}"),
                "{'bar': null, 'list': [1, 2]}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(execution.cause()).isEqualTo(inState("S", 2, "The JSONata expression '" + expression
                + "' specified for the field 'Output/v' returned nothing (undefined)."));
    }

    /**
     * A field that takes a number or a string (Seconds, TimeoutSeconds, a Fail state's Error...) given null: AWS does
     * not publish what happens. The twin's choice, the safer one: the state fails with States.QueryEvaluationError.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Wait Seconds         | 'Type': 'Wait', 'Seconds': '{% $states.input.bar %}'       | Seconds",
        "Task TimeoutSeconds  | 'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:echo', 'TimeoutSeconds': '{% $states.input.bar %}' | TimeoutSeconds",
    })
    void aNumberFieldWhoseExpressionIsNull_failsTheState(String name, String state, String field) {
        Execution execution = run(single("JSONata", state), "{'bar': null}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(execution.cause()).isEqualTo(inState("S", 2, "The JSONata expression '$states.input.bar' specified "
                + "for the field '" + field + "' returned null, which the field cannot take."));
    }
}
