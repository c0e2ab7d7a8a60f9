package dev.greenlight.local.asl.conformance;

import static dev.greenlight.local.asl.conformance.Runs.inState;
import static dev.greenlight.local.asl.conformance.Runs.json;
import static dev.greenlight.local.asl.conformance.Runs.run;
import static dev.greenlight.local.asl.conformance.Runs.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSONata states: Arguments, Output, the {@code $states} variable and States.QueryEvaluationError. */
class JsonataTest {

    record Flow(String source, String definition, String input, String output) {
        @Override
        public String toString() {
            return source;
        }
    }

    record Failure(String source, String definition, String input, String cause) {
        @Override
        public String toString() {
            return source;
        }
    }

    private static final String INVOKE = "'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke'";

    private static String jsonata(String state) {
        return single("JSONata", state);
    }

    /**
     * Developer guide, "Transforming data with JSONata in Step Functions": {@code {% %}} strings
     * anywhere in Arguments and Output are expressions, other values are literals; $states.input
     * is the state's input, $states.result its result, $states.context the context object; a state
     * without Output passes on its result (or, with no result, its input).
     */
    static Stream<Flow> outputs() {
        return Stream.of(
                new Flow("Output as one expression", jsonata("'Type': 'Pass', 'Output': '{% $states.input.a + 1 %}'"),
                        "{'a': 1}", "2"),
                new Flow("Expressions nested in objects and arrays, literals kept", jsonata("'Type': 'Pass', "
                        + "'Output': {'sum': '{% $states.input.a + $states.input.b %}', 'static': 'x', "
                        + "'not-evaluated': '$states.input.a', 'list': ['{% $states.input.a %}', 2, {'b': '{% $states.input.b %}'}]}"),
                        "{'a': 1, 'b': 2}",
                        "{'sum': 3, 'static': 'x', 'not-evaluated': '$states.input.a', 'list': [1, 2, {'b': 2}]}"),
                new Flow("A Pass without Output passes its input on", jsonata("'Type': 'Pass'"), "{'a': 1}", "{'a': 1}"),
                new Flow("$states.context is the context object", jsonata("'Type': 'Pass', 'Output': {"
                        + "'state': '{% $states.context.State.Name %}', 'execution': '{% $states.context.Execution.Name %}', "
                        + "'input': '{% $states.context.Execution.Input %}'}"), "{'a': 1}",
                        "{'state': 'S', 'execution': 'test', 'input': {'a': 1}}"),
                new Flow("Arguments feed the task, $states.result and $states.input feed Output", jsonata(INVOKE
                        + ", 'Arguments': {'FunctionName': 'echo', 'Payload': {'v': '{% $states.input.a * 10 %}'}}, "
                        + "'Output': {'in': '{% $states.input.a %}', 'out': '{% $states.result.Payload.v %}'}"),
                        "{'a': 4}", "{'in': 4, 'out': 40}"),
                new Flow("A Task without Output passes its result on", jsonata("'Type': 'Task', "
                        + "'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:echo', "
                        + "'Arguments': {'echoed': '{% $states.input.a %}'}"), "{'a': 4}", "{'echoed': 4}"),
                new Flow("Catch Output sees $states.errorOutput and $states.input", "{'QueryLanguage': 'JSONata', "
                        + "'StartAt': 'T', 'States': {'T': {" + INVOKE + ", 'Arguments': {'FunctionName': 'boom'}, "
                        + "'End': true, 'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'Done', 'Output': {"
                        + "'error': '{% $states.errorOutput.Error %}', 'input': '{% $states.input %}'}}]}, "
                        + "'Done': {'Type': 'Pass', 'End': true}}}", "{'a': 1}",
                        "{'error': 'java.lang.IllegalStateException', 'input': {'a': 1}}"),
                new Flow("Catch without Output passes the error output on", "{'QueryLanguage': 'JSONata', "
                        + "'StartAt': 'T', 'States': {'T': {" + INVOKE + ", 'Arguments': {'FunctionName': 'boom'}, "
                        + "'End': true, 'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'Done', 'Output': "
                        + "'{% $keys($states.errorOutput) %}'}]}, 'Done': {'Type': 'Pass', 'End': true}}}", "{}",
                        "['Error', 'Cause']"),
                new Flow("Choice Condition picks the rule; Output of the matched rule", "{'QueryLanguage': 'JSONata', "
                        + "'StartAt': 'C', 'States': {'C': {'Type': 'Choice', 'Choices': [{'Condition': "
                        + "'{% $states.input.n > 1 %}', 'Next': 'Big', 'Output': {'size': 'big'}}], 'Default': 'Small'}, "
                        + "'Big': {'Type': 'Pass', 'End': true}, 'Small': {'Type': 'Pass', 'Output': {'size': 'small'}, "
                        + "'End': true}}}", "{'n': 5}", "{'size': 'big'}"),
                new Flow("Choice falls to Default when no Condition holds", "{'QueryLanguage': 'JSONata', "
                        + "'StartAt': 'C', 'States': {'C': {'Type': 'Choice', 'Choices': [{'Condition': "
                        + "'{% $states.input.n > 1 %}', 'Next': 'Big'}], 'Default': 'Small'}, "
                        + "'Big': {'Type': 'Pass', 'End': true}, 'Small': {'Type': 'Pass', 'Output': {'size': 'small'}, "
                        + "'End': true}}}", "{'n': 0}", "{'size': 'small'}"),
                new Flow("Map Items as an expression", jsonata("'Type': 'Map', 'Items': '{% $states.input.list %}', "
                        + "'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Pass', "
                        + "'Output': '{% $states.input * 2 %}', 'End': true}}}"), "{'list': [1, 2, 3]}", "[2, 4, 6]"),
                new Flow("Map Items as an array holding expressions", jsonata("'Type': 'Map', "
                        + "'Items': [1, '{% $states.input.a %}'], 'ItemProcessor': {'StartAt': 'I', 'States': {'I': {"
                        + "'Type': 'Pass', 'End': true}}}"), "{'a': 'x'}", "[1, 'x']"),
                new Flow("Map Output sees the iterations' results", jsonata("'Type': 'Map', "
                        + "'Items': '{% $states.input.list %}', 'ItemProcessor': {'StartAt': 'I', 'States': {'I': {"
                        + "'Type': 'Pass', 'End': true}}}, 'Output': '{% $sum($states.result) %}'"),
                        "{'list': [1, 2, 3]}", "6"),
                new Flow("Parallel Arguments feed every branch", jsonata("'Type': 'Parallel', "
                        + "'Arguments': '{% $states.input.a %}', 'Branches': [{'StartAt': 'B', 'States': {'B': {"
                        + "'Type': 'Pass', 'End': true}}}, {'StartAt': 'C', 'States': {'C': {'Type': 'Pass', "
                        + "'Output': '{% $states.input + 1 %}', 'End': true}}}]"), "{'a': 1}", "[1, 2]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void stateShapesItsOutputWithJsonata(Flow flow) {
        Execution execution = run(flow.definition(), flow.input());

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json(flow.output()));
    }

    /** Wait state page: in JSONata states, Seconds and Timestamp may be expressions. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("waits")
    void waitTakesItsTimeFromAnExpression(String source, String wait, Duration waited) {
        Execution execution = run(jsonata("'Type': 'Wait', " + wait), "{'s': 90, 't': '2026-01-01T02:00:00Z'}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Duration.between(execution.startDate(), execution.stopDate())).isEqualTo(waited);
        assertThat(execution.output()).isEqualTo(json("{'s': 90, 't': '2026-01-01T02:00:00Z'}"));
    }

    static Stream<Arguments> waits() {
        return Stream.of(
                Arguments.of("Seconds", "'Seconds': '{% $states.input.s %}'",
                        Duration.ofSeconds(90)),
                Arguments.of("Timestamp", "'Timestamp': '{% $states.input.t %}'",
                        Duration.ofHours(2)));
    }

    /** Fail state page: in JSONata states, Error and Cause may be expressions. */
    @Test
    void failTakesErrorAndCauseFromExpressions() {
        Execution execution = run(jsonata("'Type': 'Fail', 'Error': '{% $states.input.code %}', "
                + "'Cause': '{% `Order ` & $states.input.id & ` failed` %}'").replace(", 'End': true", ""),
                "{'code': 'OrderFailed', 'id': '42'}");

        assertThat(execution.error()).isEqualTo("OrderFailed");
        assertThat(execution.cause()).isEqualTo("Order 42 failed");
    }

    /**
     * States.QueryEvaluationError: an expression that yields nothing, or throws, fails the state,
     * naming the field it was written in ("Output", "Output/v", "Arguments/Payload/pushLocation",
     * as AWS records them in execution histories).
     */
    static Stream<Failure> queryEvaluationErrors() {
        return Stream.of(
                new Failure("Output that returns nothing", jsonata("'Type': 'Pass', "
                        + "'Output': '{% $states.input.absent %}'"), "{}", inState("S", 2,
                                "The JSONata expression '$states.input.absent' specified for the field 'Output' "
                                        + "returned nothing (undefined).")),
                new Failure("A nested Output value that returns nothing", jsonata("'Type': 'Pass', "
                        + "'Output': {'v': '{% $states.input.absent %}'}"), "{}", inState("S", 2,
                                "The JSONata expression '$states.input.absent' specified for the field 'Output/v' "
                                        + "returned nothing (undefined).")),
                new Failure("A nested Arguments value that returns nothing", jsonata(INVOKE + ", 'Arguments': {"
                        + "'FunctionName': 'echo', 'Payload': {'pushLocation': '{% $states.input.pushLocation %}'}}"),
                        "{}", inState("S", 2, "The JSONata expression '$states.input.pushLocation' specified for "
                                + "the field 'Arguments/Payload/pushLocation' returned nothing (undefined).")),
                new Failure("An Output array element that returns nothing", jsonata("'Type': 'Pass', "
                        + "'Output': {'list': [1, '{% $states.input.absent %}']}"), "{}", inState("S", 2,
                                "The JSONata expression '$states.input.absent' specified for the field "
                                        + "'Output/list[1]' returned nothing (undefined).")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queryEvaluationErrors")
    void expressionFailureIsAQueryEvaluationError(Failure failure) {
        Execution execution = run(failure.definition(), failure.input());

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(execution.cause()).isEqualTo(failure.cause());
    }

    /** An expression that throws: the error is States.QueryEvaluationError, its cause names the expression. */
    @Test
    void expressionThatThrowsIsAQueryEvaluationError() {
        Execution execution = run(jsonata("'Type': 'Pass', 'Output': {'v': '{% $sum([`a`]) %}'}"), "{}");

        assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(execution.cause()).startsWith(inState("S", 2,
                "The JSONata expression '$sum(['a'])' specified for the field 'Output/v' threw an error during "
                        + "evaluation. T0412: "));
    }

    /** States.QueryEvaluationError is caught like any error (developer guide, "Handling errors"). */
    @Test
    void queryEvaluationErrorIsCaught() {
        String definition = "{'QueryLanguage': 'JSONata', 'StartAt': 'T', 'States': {'T': {" + INVOKE
                + ", 'Arguments': {'FunctionName': '{% $states.input.missing %}'}, 'End': true, 'Catch': [{"
                + "'ErrorEquals': ['States.QueryEvaluationError'], 'Next': 'Done', "
                + "'Output': '{% $states.errorOutput.Error %}'}]}, 'Done': {'Type': 'Pass', 'End': true}}}";

        Execution execution = run(definition, "{}");

        assertThat(execution.output()).isEqualTo(json("'States.QueryEvaluationError'"));
    }

    /** Map state page: Items must evaluate to an array; anything else is an expression failure. */
    @Test
    void mapItemsThatAreNotAnArrayAreAQueryEvaluationError() {
        Execution execution = run(jsonata("'Type': 'Map', 'Items': '{% $states.input.list %}', "
                + "'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Pass', 'End': true}}}"),
                "{'list': {'not': 'an array'}}");

        assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(execution.cause()).isEqualTo(inState("S", 2,
                "The JSONata expression '$states.input.list' specified for the field 'Items' returned an unexpected "
                        + "result type. Expected 'array', but was 'object'"));
    }
}
