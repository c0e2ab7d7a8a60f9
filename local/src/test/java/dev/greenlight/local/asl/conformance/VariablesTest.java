package dev.greenlight.local.asl.conformance;

import static dev.greenlight.local.asl.conformance.Runs.json;
import static dev.greenlight.local.asl.conformance.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Variables, from the developer guide's "Passing data between states with variables" and the
 * machines AWS ran for localstack's tests/aws/services/stepfunctions/v2/assign snapshots.
 */
class VariablesTest {

    record Machine(String source, String definition, String input, String output) {
        @Override
        public String toString() {
            return source;
        }
    }

    private static final String INVOKE = "'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke'";
    private static final String READ_V = "'Read': {'Type': 'Pass', 'Output': '{% $v %}', 'End': true}";

    /** A JSONata machine that starts at {@code A} (whose members are given, with its Next) and reads $v in Read. */
    private static String assignsV(String state) {
        return "{'QueryLanguage': 'JSONata', 'StartAt': 'A', 'States': {'A': {" + state + "}, " + READ_V + "}}";
    }

    /** "Supported states": Pass, Task, Map, Parallel, Choice and Wait assign; so does a Catch, with the error output. */
    static Stream<Machine> assignInEveryState() {
        String item = "'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Pass', 'End': true}}}";
        return Stream.of(
                new Machine("Pass", assignsV("'Type': 'Pass', 'Assign': {'v': '{% $states.input.a %}'}, 'Next': 'Read'"),
                        "{'a': 1}", "1"),
                new Machine("Task, from $states.result", assignsV(INVOKE + ", 'Arguments': {'FunctionName': 'echo', "
                        + "'Payload': {'a': '{% $states.input.a %}'}}, 'Assign': {'v': '{% $states.result.Payload.a %}'}, "
                        + "'Next': 'Read'"), "{'a': 2}", "2"),
                new Machine("Choice rule", assignsV("'Type': 'Choice', 'Choices': [{'Condition': '{% true %}', "
                        + "'Assign': {'v': 'Condition assignment'}, 'Next': 'Read'}], 'Default': 'Read', "
                        + "'Assign': {'v': 'Default Assignment'}"), "{}", "'Condition assignment'"),
                new Machine("Choice Default", assignsV("'Type': 'Choice', 'Choices': [{'Condition': '{% false %}', "
                        + "'Assign': {'v': 'Condition assignment'}, 'Next': 'Read'}], 'Default': 'Read', "
                        + "'Assign': {'v': 'Default Assignment'}"), "{}", "'Default Assignment'"),
                new Machine("Wait", assignsV("'Type': 'Wait', 'Seconds': 1, 'Assign': {'v': '{% $states.input.a %}'}, "
                        + "'Next': 'Read'"), "{'a': 3}", "3"),
                new Machine("Map, from its results", assignsV("'Type': 'Map', 'Items': [1, 2, 3], " + item
                        + ", 'Assign': {'v': '{% $sum($states.result) %}'}, 'Next': 'Read'"), "{}", "6"),
                new Machine("Parallel, from its results", assignsV("'Type': 'Parallel', 'Branches': [{'StartAt': 'B', "
                        + "'States': {'B': {'Type': 'Pass', 'Output': 'left', 'End': true}}}, {'StartAt': 'C', "
                        + "'States': {'C': {'Type': 'Pass', 'Output': 'right', 'End': true}}}], "
                        + "'Assign': {'v': '{% $states.result[1] %}'}, 'Next': 'Read'"), "{}", "'right'"),
                new Machine("Catch, from $states.errorOutput", assignsV(INVOKE + ", 'Arguments': {'FunctionName': "
                        + "'boom'}, 'Assign': {'v': 'SUCCESS'}, 'Catch': [{'ErrorEquals': ['States.ALL'], "
                        + "'Assign': {'v': '{% $states.errorOutput.Error %}'}, 'Next': 'Read'}], 'Next': 'Read'"), "{}",
                        "'java.lang.IllegalStateException'"));
    }

    /**
     * "Variable evaluation order": every Assign and Output expression of a state sees the values
     * from before the state, so two variables swap; the next state sees the new values.
     */
    static Stream<Machine> evaluationOrder() {
        return Stream.of(
                new Machine("JSONata Assign and Output see the values from before the state",
                        "{'QueryLanguage': 'JSONata', 'StartAt': 'Init', 'States': {"
                                + "'Init': {'Type': 'Pass', 'Assign': {'x': 1, 'y': 2}, 'Next': 'Swap'}, "
                                + "'Swap': {'Type': 'Pass', 'Assign': {'x': '{% $y %}', 'y': '{% $x %}'}, "
                                + "'Output': {'x': '{% $x %}', 'y': '{% $y %}'}, 'Next': 'After'}, "
                                + "'After': {'Type': 'Pass', 'Output': {'before': '{% $states.input %}', "
                                + "'after': {'x': '{% $x %}', 'y': '{% $y %}'}}, 'End': true}}}", "{}",
                        "{'before': {'x': 1, 'y': 2}, 'after': {'x': 2, 'y': 1}}"),
                // localstack assign/base_evaluation_order_pass_state.json5: AWS ends with 42, not the new value.
                new Machine("JSONPath OutputPath reads the variable from before the state's Assign",
                        "{'StartAt': 'State0', 'States': {'State0': {'Type': 'Pass', 'Result': {'theQuestion': "
                                + "'What is the answer?'}, 'Assign': {'question.$': '$.theQuestion', 'answer': 42}, "
                                + "'Next': 'State1'}, 'State1': {'Type': 'Pass', 'InputPath': '$answer', "
                                + "'ResultPath': '$.theAnswer', 'OutputPath': '$answer', "
                                + "'Assign': {'answer': '<omitted>'}, 'End': true}}}", "{}", "42"));
    }

    /** JSONPath states assign from paths, the context object, variables and intrinsic functions. */
    static Stream<Machine> jsonPathAssign() {
        return Stream.of(
                new Machine("Pass assigns from its result and Parameters read the variables", "{'StartAt': 'A', "
                        + "'States': {'A': {'Type': 'Pass', 'Assign': {'x.$': '$.a', 'c': 1, 'name.$': '$$.Execution.Name', "
                        + "'f.$': 'States.Format(`v{}`, $.a)'}, 'Next': 'B'}, 'B': {'Type': 'Pass', 'Parameters': {"
                        + "'x.$': '$x', 'c.$': '$c', 'name.$': '$name', 'f.$': '$f', 'g.$': 'States.Format(`{}-{}`, $x, $c)'}, "
                        + "'End': true}}}", "{'a': 7}", "{'x': 7, 'c': 1, 'name': 'test', 'f': 'v7', 'g': '7-1'}"),
                // localstack assign/base_assign_from_lambda_task_result.json5
                new Machine("Task assigns from its result", "{'StartAt': 'Pass', 'States': {'Pass': {'Type': 'Pass', "
                        + "'Assign': {'functionName.$': '$.FunctionName', 'inputData': {'foo': 'oof', 'bar': 'rab'}}, "
                        + "'Next': 'Task'}, 'Task': {" + INVOKE + ", 'Parameters': {'Payload.$': '$inputData', "
                        + "'FunctionName.$': '$functionName'}, 'Assign': {'result.$': '$.Payload'}, "
                        + "'OutputPath': '$.Payload', 'Next': 'End'}, 'End': {'Type': 'Pass', 'Parameters': "
                        + "{'previousResult.$': '$result'}, 'End': true}}}", "{'FunctionName': 'echo'}",
                        "{'previousResult': {'foo': 'oof', 'bar': 'rab'}}"),
                new Machine("Catch assigns from the error output", "{'StartAt': 'T', 'States': {'T': {" + INVOKE
                        + ", 'Parameters': {'FunctionName': 'boom'}, 'End': true, 'Catch': [{'ErrorEquals': ['States.ALL'], "
                        + "'Assign': {'error.$': '$.Error'}, 'ResultPath': null, 'Next': 'Done'}]}, 'Done': {"
                        + "'Type': 'Pass', 'Parameters': {'error.$': '$error', 'input.$': '$'}, 'End': true}}}", "{'a': 1}",
                        "{'error': 'java.lang.IllegalStateException', 'input': {'a': 1}}"));
    }

    /**
     * "Variable scope": a Parallel branch or Map iteration reads the variables of the scopes around
     * it, but its own assignments stay inside it (localstack assign/base_scope_parallel.json5 and
     * base_scope_map.json5).
     */
    static Stream<Machine> scopes() {
        return Stream.of(
                new Machine("Parallel branches read outer variables; outer states do not see theirs",
                        "{'QueryLanguage': 'JSONata', 'StartAt': 'State0', 'States': {'State0': {'Type': 'Pass', "
                                + "'Assign': {'x': 42}, 'Next': 'State1'}, 'State1': {'Type': 'Parallel', 'Next': 'After', "
                                + "'Branches': [{'StartAt': 'B1', 'States': {'B1': {'Type': 'Pass', 'Assign': "
                                + "{'innerX': '{% $x %}'}, 'Next': 'B2'}, 'B2': {'Type': 'Pass', 'Output': '{% $innerX %}', "
                                + "'End': true}}}, {'StartAt': 'C1', 'States': {'C1': {'Type': 'Pass', "
                                + "'Output': '{% $x + 1 %}', 'End': true}}}]}, 'After': {'Type': 'Pass', 'Output': {"
                                + "'results': '{% $states.input %}', 'innerVisible': '{% $exists($innerX) %}', "
                                + "'x': '{% $x %}'}, 'End': true}}}", "{}",
                        "{'results': [42, 43], 'innerVisible': false, 'x': 42}"),
                new Machine("Map iterations read outer variables, not each other's nor theirs outside",
                        "{'QueryLanguage': 'JSONata', 'StartAt': 'State0', 'States': {'State0': {'Type': 'Pass', "
                                + "'Assign': {'x': 42}, 'Next': 'State1'}, 'State1': {'Type': 'Map', 'Next': 'After', "
                                + "'Items': [1, 2, 3], 'MaxConcurrency': 1, 'ItemProcessor': {'StartAt': 'Inner', "
                                + "'States': {'Inner': {'Type': 'Pass', 'Assign': {'mine': '{% $states.input %}'}, "
                                + "'Output': {'x': '{% $x %}', 'earlier': '{% $exists($mine) %}'}, 'End': true}}}}, "
                                + "'After': {'Type': 'Pass', 'Output': {'results': '{% $states.input %}', "
                                + "'innerVisible': '{% $exists($mine) %}'}, 'End': true}}}", "{}",
                        "{'results': [{'x': 42, 'earlier': false}, {'x': 42, 'earlier': false}, "
                                + "{'x': 42, 'earlier': false}], 'innerVisible': false}"),
                new Machine("JSONPath branch reads outer variables with $name paths",
                        "{'StartAt': 'State0', 'States': {'State0': {'Type': 'Pass', 'Assign': {'x': 42}, "
                                + "'Next': 'State1'}, 'State1': {'Type': 'Parallel', 'End': true, 'Branches': [{"
                                + "'StartAt': 'Branch1', 'States': {'Branch1': {'Type': 'Pass', 'Assign': {"
                                + "'innerX.$': '$x', 'value.$': '$'}, 'Next': 'Branch2'}, 'Branch2': {'Type': 'Pass', "
                                + "'Parameters': {'innerX.$': '$innerX', 'value.$': '$value'}, 'End': true}}}]}}}",
                        "{'a': 1}", "[{'innerX': 42, 'value': {'a': 1}}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"assignInEveryState", "evaluationOrder", "jsonPathAssign", "scopes"})
    void variablesFlowAsDocumented(Machine machine) {
        Execution execution = run(machine.definition(), machine.input());

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json(machine.output()));
    }
}
