package dev.greenlight.local.asl.conformance;

import static dev.greenlight.local.asl.conformance.Runs.inState;
import static dev.greenlight.local.asl.conformance.Runs.json;
import static dev.greenlight.local.asl.conformance.Runs.run;
import static dev.greenlight.local.asl.conformance.Runs.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSONPath data flow: InputPath, Parameters, ResultSelector, ResultPath, OutputPath, as AWS documents them. */
class DataFlowJsonPathTest {

    /** One state's members, its input and the execution's output (JSON with single quotes). */
    record Flow(String source, String state, String input, String output) {
        @Override
        public String toString() {
            return source;
        }
    }

    /** One state's members, its input, and the error and cause the execution fails with. */
    record Failure(String source, String state, String input, String error, String cause) {
        @Override
        public String toString() {
            return source;
        }
    }

    private static final String LAMBDA = "'Type': 'Task', 'Resource': 'arn:aws:lambda:us-east-1:123456789012:function:echo'";

    /** Developer guide, "Manipulate parameters in Step Functions workflows" (InputPath, Parameters, ResultSelector). */
    static Stream<Flow> inputPathParametersResultSelector() {
        String products = "{'comment': 'Example for Parameters.', 'product': {'details': {'color': 'blue', "
                + "'size': 'small', 'material': 'cotton'}, 'availability': 'in stock', 'sku': '2317', 'cost': '$23'}}";
        return Stream.of(
                new Flow("InputPath selects dataset2", "'Type': 'Pass', 'InputPath': '$.dataset2'",
                        "{'comment': 'Example for InputPath.', 'dataset1': {'val1': 1, 'val2': 2, 'val3': 3}, "
                                + "'dataset2': {'val1': 'a', 'val2': 'b', 'val3': 'c'}}",
                        "{'val1': 'a', 'val2': 'b', 'val3': 'c'}"),
                new Flow("InputPath may yield a selection of values", "'Type': 'Pass', 'InputPath': '$.a[0:2]'",
                        "{'a': [1, 2, 3, 4]}", "[1, 2]"),
                new Flow("Parameters select what I care about", "'Type': 'Pass', 'Parameters': {"
                        + "'comment': 'Selecting what I care about.', 'MyDetails': {'size.$': '$.product.details.size', "
                        + "'exists.$': '$.product.availability', 'StaticValue': 'foo'}}", products,
                        "{'comment': 'Selecting what I care about.', 'MyDetails': {'size': 'small', 'exists': 'in stock', "
                                + "'StaticValue': 'foo'}}"),
                new Flow("InputPath applies before Parameters", "'Type': 'Pass', 'InputPath': '$.product', "
                        + "'Parameters': {'size.$': '$.details.size'}", products, "{'size': 'small'}"),
                new Flow("Parameters read the context object", "'Type': 'Pass', 'Parameters': {"
                        + "'execution.$': '$$.Execution.Name', 'state.$': '$$.State.Name'}", "{}",
                        "{'execution': 'test', 'state': 'S'}"),
                new Flow("Parameters call intrinsic functions on input and context", "'Type': 'Pass', 'Parameters': {"
                        + "'greeting.$': 'States.Format(`Hello, {} from {}`, $.who, $$.Execution.Name)'}",
                        "{'who': 'Arnav'}", "{'greeting': 'Hello, Arnav from test'}"),
                new Flow("ResultSelector shapes the task result before ResultPath", LAMBDA
                        + ", 'ResultSelector': {'ClusterId.$': '$.output.ClusterId', 'ResourceType.$': '$.resourceType'}, "
                        + "'ResultPath': '$.EMROutput'",
                        "{'resourceType': 'elasticmapreduce', 'output': {'ClusterId': 'AKIAIOSFODNN7EXAMPLE'}}",
                        "{'resourceType': 'elasticmapreduce', 'output': {'ClusterId': 'AKIAIOSFODNN7EXAMPLE'}, "
                                + "'EMROutput': {'ClusterId': 'AKIAIOSFODNN7EXAMPLE', 'ResourceType': 'elasticmapreduce'}}"));
    }

    /** Developer guide, "Specifying state output using ResultPath in Step Functions", and the null forms. */
    static Stream<Flow> resultPathAndOutputPath() {
        String input = "{'comment': 'This is a test', 'details': 'Default example', 'who': 'Step Functions'}";
        String hello = "'Type': 'Pass', 'Result': 'Hello, Step Functions!'";
        return Stream.of(
                new Flow("ResultPath $ replaces the input with the result", hello + ", 'ResultPath': '$'", input,
                        "'Hello, Step Functions!'"),
                new Flow("ResultPath absent replaces the input with the result", hello, input, "'Hello, Step Functions!'"),
                new Flow("ResultPath null discards the result and keeps the input", hello + ", 'ResultPath': null",
                        input, input),
                new Flow("ResultPath includes the result with the input", hello + ", 'ResultPath': '$.taskresult'",
                        input, "{'comment': 'This is a test', 'details': 'Default example', 'who': 'Step Functions', "
                                + "'taskresult': 'Hello, Step Functions!'}"),
                new Flow("ResultPath inserts the result into a child node", hello
                        + ", 'ResultPath': '$.strings.lambdaresult'",
                        "{'comment': 'An input comment.', 'strings': {'string1': 'foo', 'string2': 'bar', "
                                + "'string3': 'baz'}, 'who': 'AWS Step Functions'}",
                        "{'comment': 'An input comment.', 'strings': {'string1': 'foo', 'string2': 'bar', "
                                + "'string3': 'baz', 'lambdaresult': 'Hello, Step Functions!'}, 'who': 'AWS Step Functions'}"),
                new Flow("ResultPath updates a node in the input", hello + ", 'ResultPath': '$.comment'", input,
                        "{'comment': 'Hello, Step Functions!', 'details': 'Default example', 'who': 'Step Functions'}"),
                new Flow("ResultPath creates the objects on its way", hello + ", 'ResultPath': '$.a.b.c'", "{'x': 1}",
                        "{'x': 1, 'a': {'b': {'c': 'Hello, Step Functions!'}}}"),
                new Flow("OutputPath selects from the combined input and result", hello
                        + ", 'ResultPath': '$.taskresult', 'OutputPath': '$.taskresult'", input,
                        "'Hello, Step Functions!'"),
                new Flow("InputPath null gives the state {}", "'Type': 'Pass', 'InputPath': null", input, "{}"),
                new Flow("OutputPath null gives the next state {}", hello + ", 'OutputPath': null", input, "{}"),
                new Flow("OutputPath reads the context object", "'Type': 'Pass', 'OutputPath': '$$.Execution.Input'",
                        "{'input-value': 0}", "{'input-value': 0}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"inputPathParametersResultSelector", "resultPathAndOutputPath"})
    void stateShapesItsOutputAsDocumented(Flow flow) {
        Execution execution = run(single("JSONPath", flow.state()), flow.input());

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json(flow.output()));
    }

    /**
     * Path-not-found failures are States.Runtime with the causes AWS writes (developer guide,
     * "Processing input and output"; the causes as AWS records them, e.g. in localstack's
     * tests/aws/services/stepfunctions snapshots); a ResultPath that meets a non-object is
     * States.ResultPathMatchFailure (ASL specification, "Errors").
     */
    static Stream<Failure> failures() {
        return Stream.of(
                new Failure("InputPath that selects nothing", "'Type': 'Pass', 'InputPath': '$.missing'", "{'a': 1}",
                        "States.Runtime", inState("S", 2, "Invalid path '$.missing' : No results for path: $['missing']")),
                new Failure("OutputPath that selects nothing", "'Type': 'Pass', 'OutputPath': '$.out.value'",
                        "{'a': 1}", "States.Runtime",
                        inState("S", 2, "Invalid path '$.out.value' : No results for path: $['out']['value']")),
                new Failure("Parameters path that selects nothing", "'Type': 'Pass', 'Parameters': {'x.$': '$.missing'}",
                        "{'a': 1}", "States.Runtime", inState("S", 2,
                                "The JSONPath '$.missing' specified for the field 'x.$' could not be found in the input "
                                        + "'{\"a\":1}'")),
                new Failure("ResultSelector path that selects nothing", LAMBDA
                        + ", 'ResultSelector': {'id.$': '$.missing'}", "{'a': 1}", "States.Runtime", inState("S", 2,
                                "The JSONPath '$.missing' specified for the field 'id.$' could not be found in the input "
                                        + "'{\"a\":1}'")),
                new Failure("ResultPath through a string", "'Type': 'Pass', 'Result': 1, 'ResultPath': '$.a.b'",
                        "{'a': 'text'}", "States.ResultPathMatchFailure",
                        inState("S", 2, "Unable to apply ReferencePath $.a.b to input '{\"a\":\"text\"}'")),
                new Failure("ResultPath into an array input", "'Type': 'Pass', 'Result': 1, 'ResultPath': '$.x'",
                        "[1, 2]", "States.ResultPathMatchFailure",
                        inState("S", 2, "Unable to apply ReferencePath $.x to input '[1,2]'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void dataFlowFailureIsNamedAndWordedAsAws(Failure failure) {
        Execution execution = run(single("JSONPath", failure.state()), failure.input());

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo(failure.error());
        assertThat(execution.cause()).isEqualTo(failure.cause());
    }

    /**
     * ResultPath page, "Use ResultPath to include both error and input in a Catch": the caught
     * error goes under $.error next to the original input; a Fail state without Cause gives an
     * error output without Cause.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("catchers")
    void catcherResultPathPlacesTheErrorOutput(String source, String catcher, String output) {
        String definition = "{'StartAt': 'P', 'States': {'P': {'Type': 'Parallel', 'End': true, 'Branches': [{"
                + "'StartAt': 'F', 'States': {'F': {'Type': 'Fail', 'Error': 'Error here'}}}], 'Catch': [{"
                + "'ErrorEquals': ['States.ALL'], 'Next': 'Done'" + catcher + "}]}, 'Done': {'Type': 'Pass', 'End': true}}}";

        Execution execution = run(definition, "{'foo': 'bar'}");

        assertThat(execution.output()).isEqualTo(json(output));
    }

    static Stream<Arguments> catchers() {
        return Stream.of(
                Arguments.of("ResultPath $.error keeps the input",
                        ", 'ResultPath': '$.error'", "{'foo': 'bar', 'error': {'Error': 'Error here'}}"),
                Arguments.of("ResultPath absent replaces the input", "",
                        "{'Error': 'Error here'}"),
                Arguments.of("ResultPath null keeps only the input",
                        ", 'ResultPath': null", "{'foo': 'bar'}"));
    }

    /** A ResultPathMatchFailure is an error like any other: a Catch on the Task catches it (ASL spec, "Errors"). */
    @Test
    void resultPathMatchFailureIsCaught() {
        String definition = "{'StartAt': 'T', 'States': {'T': {" + LAMBDA + ", 'ResultPath': '$.a.b', 'End': true, "
                + "'Catch': [{'ErrorEquals': ['States.ResultPathMatchFailure'], 'ResultPath': '$.caught', "
                + "'Next': 'Done'}]}, 'Done': {'Type': 'Pass', 'End': true}}}";

        Execution execution = run(definition, "{'a': 7}");

        assertThat(execution.output().path("a").intValue()).isEqualTo(7);
        assertThat(execution.output().path("caught").path("Error").asText()).isEqualTo("States.ResultPathMatchFailure");
        assertThat(execution.output().path("caught").path("Cause").asText())
                .isEqualTo(inState("T", 2, "Unable to apply ReferencePath $.a.b to input '{\"a\":7}'"));
    }
}
