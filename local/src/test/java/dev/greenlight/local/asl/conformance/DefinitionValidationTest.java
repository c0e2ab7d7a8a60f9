package dev.greenlight.local.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.asl.component.StateMachineType;
import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.asl.parse.InvalidDefinitionException;
import dev.greenlight.local.asl.parse.Problem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CreateStateMachine's diagnostics: code, message and location of every problem, in AWS's order. */
class DefinitionValidationTest {

    private static final String MISSING = "MISSING_TRANSITION_TARGET";
    private static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
    private static final String PASS_BODY = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

    private static Problem problem(String code, String message, String location) {
        return new Problem(code, message, location);
    }

    /**
     * Transitions, measured against ValidateStateMachineDefinition / CreateStateMachine and quoted in
     * floci-io/floci PR 2786 (issue 2735) and localstack/localstack PR 12487.
     */
    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of("dangling Next, and so no terminal state",
                        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"NOPE\"}}}",
                        List.of(problem(MISSING, "Missing 'Next' target: NOPE", "/States/A/Next"),
                                problem("MISSING_END_STATE", "Workflow has no terminal state", null))),
                Arguments.of("dangling Choices[].Next",
                        """
                        {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,
                          "Next":"Ghost"}],"Default":"Z"},"Z":{"Type":"Pass","End":true}}}""",
                        List.of(problem(MISSING, "Missing 'Next' target: Ghost", "/States/C/Choices[0]/Next"))),
                Arguments.of("dangling Default",
                        """
                        {"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,
                          "Next":"Z"}],"Default":"Ghost"},"Z":{"Type":"Pass","End":true}}}""",
                        List.of(problem(MISSING, "Missing 'Next' target: Ghost", "/States/A/Default"))),
                Arguments.of("dangling Catch[].Next",
                        """
                        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Ghost"}],"End":true}}}""",
                        List.of(problem(MISSING, "Missing 'Next' target: Ghost", "/States/T/Catch[0]/Next"))),
                Arguments.of("a loop with no terminal state hides the unreachable state",
                        """
                        {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"},
                          "Unused":{"Type":"Pass","Next":"A"}}}""",
                        List.of(problem("MISSING_END_STATE", "Workflow has no terminal state", null))),
                Arguments.of("an unreachable terminal state",
                        """
                        {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"},
                          "C":{"Type":"Pass","End":true}}}""",
                        List.of(problem(MISSING, "State \"C\" is not reachable.", "/States/C"))),
                Arguments.of("a dangling StartAt reaches nothing",
                        "{\"StartAt\":\"Nope\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}",
                        List.of(problem(MISSING, "Missing 'Next' target: Nope", "/StartAt"),
                                problem(MISSING, "State \"A\" is not reachable.", "/States/A"))),
                Arguments.of("a state name with a slash is not escaped in the location",
                        """
                        {"StartAt":"Start","States":{"Start":{"Type":"Pass","End":true},
                          "a/b":{"Type":"Pass","End":true}}}""",
                        List.of(problem(MISSING, "State \"a/b\" is not reachable.", "/States/a/b"))),
                Arguments.of("unreachable inside an ItemProcessor",
                        """
                        {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"W","States":{
                          "W":{"Type":"Pass","End":true},"Ghost":{"Type":"Pass","End":true}}},"End":true}}}""",
                        List.of(problem(MISSING, "State \"Ghost\" is not reachable.",
                                "/States/M/ItemProcessor/States/Ghost"))),
                Arguments.of("unreachable inside a Parallel branch",
                        """
                        {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"W","States":{
                          "W":{"Type":"Pass","End":true},"Ghost":{"Type":"Pass","End":true}}}],"End":true}}}""",
                        List.of(problem(MISSING, "State \"Ghost\" is not reachable.",
                                "/States/P/Branches[0]/States/Ghost"))),
                Arguments.of("a dangling StartAt inside an ItemProcessor",
                        """
                        {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"Nope","States":{
                          "A":{"Type":"Pass","End":true}}},"End":true}}}""",
                        List.of(problem(MISSING, "Missing 'Next' target: Nope", "/States/M/ItemProcessor/StartAt"),
                                problem(MISSING, "State \"A\" is not reachable.",
                                        "/States/M/ItemProcessor/States/A"))));
    }

    /** Fields per state type and query language, measured in floci-io/floci PR 2786 and issue 2735. */
    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("TimeoutSeconds on a Map",
                        """
                        {"StartAt":"M","States":{"M":{"Type":"Map","TimeoutSeconds":5,"ItemProcessor":{"StartAt":"W",
                          "States":{"W":{"Type":"Wait","Seconds":25,"End":true}}},"End":true}}}""",
                        List.of(problem(SCHEMA, "Field 'TimeoutSeconds' is not supported", "/States/M"))),
                Arguments.of("TimeoutSeconds on a Parallel",
                        """
                        {"StartAt":"P","States":{"P":{"Type":"Parallel","TimeoutSeconds":5,"Branches":[{"StartAt":"W",
                          "States":{"W":{"Type":"Wait","Seconds":25,"End":true}}}],"End":true}}}""",
                        List.of(problem(SCHEMA, "Field 'TimeoutSeconds' is not supported", "/States/P"))),
                Arguments.of("Catch on a Pass",
                        """
                        {"StartAt":"X","States":{"X":{"Type":"Pass","End":true,
                          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"X"}]}}}""",
                        List.of(problem(SCHEMA, "Field 'Catch' is not supported", "/States/X"))),
                Arguments.of("Catch on a JSONata Pass",
                        """
                        {"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Pass","End":true,
                          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"X"}]}}}""",
                        List.of(problem(SCHEMA, "Field 'Catch' is not supported", "/States/X"))),
                Arguments.of("Retry on a Wait",
                        """
                        {"StartAt":"X","States":{"X":{"Type":"Wait","Seconds":1,"End":true,
                          "Retry":[{"ErrorEquals":["States.ALL"]}]}}}""",
                        List.of(problem(SCHEMA, "Field 'Retry' is not supported", "/States/X"))),
                Arguments.of("an unknown field",
                        "{\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Pass\",\"Foo\":1,\"End\":true}}}",
                        List.of(problem(SCHEMA, "Field 'Foo' is not supported", "/States/X"))),
                Arguments.of("JSONPath fields in a JSONata state",
                        """
                        {"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Pass","InputPath":"$.a",
                          "OutputPath":"$.b","ResultPath":"$.c","End":true}}}""",
                        List.of(problem(SCHEMA, jsonPathOnly("InputPath"), "/States/X"),
                                problem(SCHEMA, jsonPathOnly("OutputPath"), "/States/X"),
                                problem(SCHEMA, jsonPathOnly("ResultPath"), "/States/X"))),
                Arguments.of("Arguments in a JSONPath Task",
                        """
                        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                          "Arguments":{"payload":"literal"},"End":true}}}""",
                        List.of(problem(SCHEMA, jsonataOnly("Arguments"), "/States/T"))),
                Arguments.of("Items in a JSONPath Map",
                        """
                        {"StartAt":"M","States":{"M":{"Type":"Map","Items":[{"n":1}],"ItemProcessor":{"StartAt":"P",
                          "States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                        List.of(problem(SCHEMA, jsonataOnly("Items"), "/States/M"))),
                Arguments.of("a Map's QueryLanguage does not reach its ItemProcessor's states",
                        """
                        {"StartAt":"M","States":{"M":{"Type":"Map","QueryLanguage":"JSONata","ItemProcessor":{
                          "StartAt":"P","States":{"P":{"Type":"Pass","Output":{"d":"{% $states.input.n * 2 %}"},
                          "End":true}}},"End":true}}}""",
                        List.of(problem(SCHEMA, jsonataOnly("Output"), "/States/M/ItemProcessor/States/P"))),
                Arguments.of("a Parallel's QueryLanguage does not reach its branches' states",
                        """
                        {"StartAt":"PAR","States":{"PAR":{"Type":"Parallel","QueryLanguage":"JSONata","Branches":[{
                          "StartAt":"P","States":{"P":{"Type":"Pass","Output":{"d":"{% 1 %}"},"End":true}}}],
                          "End":true}}}""",
                        List.of(problem(SCHEMA, jsonataOnly("Output"), "/States/PAR/Branches[0]/States/P"))),
                Arguments.of("a state going back to JSONPath under a JSONata machine",
                        """
                        {"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Pass",
                          "QueryLanguage":"JSONPath","Output":{"v":"{% 1 %}"},"End":true}}}""",
                        List.of(problem(SCHEMA, "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole "
                                + "state machine", "/States/X"))),
                Arguments.of("an ItemProcessor declaring a QueryLanguage",
                        """
                        {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"QueryLanguage":"JSONata",
                          "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                        List.of(problem(SCHEMA, "Field 'QueryLanguage' is not supported", "/States/M/ItemProcessor"))),
                Arguments.of("a Parallel branch declaring a QueryLanguage",
                        """
                        {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"QueryLanguage":"JSONata",
                          "StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}],"End":true}}}""",
                        List.of(problem(SCHEMA, "Field 'QueryLanguage' is not supported", "/States/P/Branches[0]"))),
                Arguments.of("a QueryLanguage outside the enum is JSONata and refuses InputPath",
                        """
                        {"StartAt":"X","States":{"X":{"Type":"Pass","QueryLanguage":"jsonata","InputPath":"$.a",
                          "End":true}}}""",
                        List.of(problem(SCHEMA, jsonPathOnly("InputPath"), "/States/X"),
                                problem(SCHEMA, "Value should be one of the following: [JSONPath, JSONata]",
                                        "/States/X/QueryLanguage"))),
                Arguments.of("a top-level QueryLanguage that is not a string",
                        "{\"QueryLanguage\":5,\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Pass\",\"End\":true}}}",
                        List.of(problem(SCHEMA, "Expected value of type [STRING]", "/QueryLanguage"))),
                Arguments.of("a negative MaxConcurrency",
                        """
                        {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":-1,"ItemProcessor":{"StartAt":"P",
                          "States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                        List.of(problem(SCHEMA, "Minimum value is 0", "/States/M/MaxConcurrency"))));
    }

    /**
     * Rules the Amazon States Language specification states as MUSTs (states-language.net, "Errors",
     * "Retrying after error", "Wait State", "Fail State", "Task State"); AWS's exact wording for these is
     * not published, so the messages are the engine's own.
     */
    static Stream<Arguments> specRules() {
        return Stream.of(
                Arguments.of("States.ALL not alone",
                        task("\"Retry\":[{\"ErrorEquals\":[\"States.ALL\",\"Custom\"]}],"),
                        List.of(problem(SCHEMA, allAlone(), "/States/T/Retry[0]/ErrorEquals"))),
                Arguments.of("States.ALL not in the last catcher",
                        task("\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"T\"},"
                                + "{\"ErrorEquals\":[\"Custom\"],\"Next\":\"T\"}],"),
                        List.of(problem(SCHEMA, allAlone(), "/States/T/Catch[0]/ErrorEquals"))),
                Arguments.of("a bad JSONPath",
                        "{\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Pass\",\"InputPath\":\"a.b\",\"End\":true}}}",
                        List.of(problem(SCHEMA, "The value for the field 'InputPath' must be a valid JSONPath",
                                "/States/X/InputPath"))),
                Arguments.of("a JSONPath with an unclosed bracket, which Jayway alone would read as $.a",
                        "{\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Pass\",\"InputPath\":\"$.a[\",\"End\":true}}}",
                        List.of(problem(SCHEMA, "The value for the field 'InputPath' must be a valid JSONPath",
                                "/States/X/InputPath"))),
                Arguments.of("a ResultPath that is not a reference path",
                        "{\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Pass\",\"ResultPath\":\"$..a\",\"End\":true}}}",
                        List.of(problem(SCHEMA, "The value for the field 'ResultPath' must be a valid Reference Path",
                                "/States/X/ResultPath"))),
                Arguments.of("a Parameters path that is not a JSONPath",
                        task("\"Parameters\":{\"a.$\":\"not a path\"},"),
                        List.of(problem(SCHEMA, "The value for the field 'a.$' must be a valid JSONPath or a valid "
                                + "intrinsic function call", "/States/T/Parameters/a.$"))),
                Arguments.of("Wait with both Seconds and Timestamp",
                        """
                        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"Timestamp":"2026-01-01T00:00:00Z",
                          "End":true}}}""",
                        List.of(problem(SCHEMA, "Only one of Seconds, Timestamp, SecondsPath, TimestampPath may be set",
                                "/States/W"))),
                Arguments.of("Wait with none of its fields",
                        "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"End\":true}}}",
                        List.of(problem(SCHEMA, "One of Seconds, Timestamp, SecondsPath or TimestampPath must be set",
                                "/States/W"))),
                Arguments.of("Fail with Error and ErrorPath",
                        "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"E\",\"ErrorPath\":\"$.e\"}}}",
                        List.of(problem(SCHEMA, "Only one of Error, ErrorPath may be set", "/States/F"))),
                Arguments.of("Task without Resource",
                        "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"End\":true}}}",
                        List.of(problem(SCHEMA, "The field 'Resource' is required", "/States/T"))),
                Arguments.of("HeartbeatSeconds not below TimeoutSeconds",
                        task("\"TimeoutSeconds\":10,\"HeartbeatSeconds\":10,"),
                        List.of(problem(SCHEMA, "HeartbeatSeconds must be smaller than TimeoutSeconds",
                                "/States/T/HeartbeatSeconds"))),
                Arguments.of("TimeoutSeconds of zero",
                        task("\"TimeoutSeconds\":0,"),
                        List.of(problem(SCHEMA, "Minimum value is 1", "/States/T/TimeoutSeconds"))),
                Arguments.of("a state name used twice across branches",
                        """
                        {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"P","States":{
                          "P":{"Type":"Pass","End":true}}}],"End":true}}}""",
                        List.of(problem(SCHEMA, "State name 'P' is used more than once in the state machine",
                                "/States/P/Branches[0]/States/P"))),
                Arguments.of("a state name longer than 80 characters",
                        "{\"StartAt\":\"" + "n".repeat(81) + "\",\"States\":{\"" + "n".repeat(81)
                                + "\":{\"Type\":\"Pass\",\"End\":true}}}",
                        List.of(problem(SCHEMA, "State name '" + "n".repeat(81) + "' is longer than 80 characters",
                                "/States/" + "n".repeat(81)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"transitions", "fields", "specRules"})
    void reportsEveryProblemAsAwsDoes(String name, String definition, List<Problem> expected) {
        assertThat(DefinitionParser.validate(definition)).containsExactlyElementsOf(expected);
    }

    /** Measured in floci-io/floci PR 2786: AWS accepts a nested program that never ends; it is cut by the execution. */
    @Test
    void nestedLoopWithoutTerminalState_isAccepted() {
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"A","States":{
                  "A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}},"End":true}}}""";
        assertThat(DefinitionParser.validate(definition)).isEmpty();
    }

    @Test
    void machineTimeoutSecondsAndVersion_areMachineFields() {
        String definition = "{\"Version\":\"1.0\",\"TimeoutSeconds\":30,\"Comment\":\"c\","
                + PASS_BODY.substring(1);
        assertThat(DefinitionParser.validate(definition)).isEmpty();
    }

    /** CreateStateMachine's InvalidDefinition message, quoted in floci-io/floci PR 2786. */
    @Test
    void createStateMachineMessage_listsEveryProblemWithItsLocation() {
        String definition = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","TimeoutSeconds":5,"Branches":[{"StartAt":"W",
                  "States":{"W":{"Type":"Wait","Seconds":25,"End":true}}}],"End":true}}}""";
        assertThatThrownBy(() -> DefinitionParser.parse(definition))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Field 'TimeoutSeconds' is "
                        + "not supported at /States/P'");
    }

    private static String task(String fields) {
        return "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + fields + "\"End\":true}}}";
    }

    private static String allAlone() {
        return "States.ALL must appear alone in the ErrorEquals array of the last retrier or catcher";
    }

    private static String jsonPathOnly(String field) {
        return "The QueryLanguage is set to 'JSONata', but field '" + field
                + "' is only supported for the 'JSONPath' QueryLanguage";
    }

    private static String jsonataOnly(String field) {
        return "The QueryLanguage is set to 'JSONPath', but field '" + field
                + "' is only supported for the 'JSONata' QueryLanguage";
    }

    /** Express workflows page: EXPRESS supports request-response integrations only. */
    @Test
    void expressStateMachineRefusesCallbackAndSyncIntegrations() {
        String definition = """
                {"StartAt": "Ask", "States": {
                  "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "Next": "Run"},
                  "Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "End": true}}}""";

        assertThat(DefinitionParser.validate(definition, StateMachineType.EXPRESS)).containsExactly(
                problem(SCHEMA, "Express state machine does not support '.waitForTaskToken' service integration",
                        "/States/Ask/Resource"),
                problem(SCHEMA, "Express state machine does not support '.sync' service integration",
                        "/States/Run/Resource"));
        assertThat(DefinitionParser.validate(definition, StateMachineType.STANDARD)).isEmpty();
    }
}
