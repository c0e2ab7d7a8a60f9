package dev.greenlight.local.asl.conformance;

import static dev.greenlight.local.asl.conformance.Runs.json;
import static dev.greenlight.local.asl.conformance.Runs.run;
import static dev.greenlight.local.asl.conformance.Runs.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.LocalRun;
import dev.greenlight.local.asl.eval.Engine;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import dev.greenlight.local.asl.eval.StartRequest;
import dev.greenlight.local.asl.component.StateMachineType;
import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.asl.task.LocalIntegrations;
import dev.greenlight.local.clock.VirtualClock;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The context object ({@code $$} in JSONPath, {@code $states.context} in JSONata), from the
 * developer guide's "Accessing execution data from the Context object in Step Functions" and
 * localstack's tests/aws/services/stepfunctions/v2/context_object snapshots of AWS.
 */
class ContextObjectTest {

    private static final String STARTED = "2026-01-01T00:00:00.000Z";

    /** The paths of the guide's "Context object contents" that every state sees. */
    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("$$.Execution.Id", "'" + Runs.EXECUTION_ARN + "'"),
                Arguments.of("$$.Execution.Input", "{'input-value': 0}"),
                Arguments.of("$$.Execution.Name", "'test'"),
                Arguments.of("$$.Execution.RoleArn", "'arn:aws:iam::123456789012:role/local'"),
                Arguments.of("$$.Execution.RedriveCount", "0"),
                Arguments.of("$$.Execution.StartTime", "'" + STARTED + "'"),
                Arguments.of("$$.StateMachine.Id", "'arn:aws:states:us-east-1:123456789012:stateMachine:local'"),
                Arguments.of("$$.StateMachine.Name", "'local'"),
                Arguments.of("$$.State.Name", "'S'"),
                Arguments.of("$$.State.EnteredTime", "'" + STARTED + "'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void parametersReadTheContextObject(String path, String value) {
        Execution execution = run(single("JSONPath", "'Type': 'Pass', 'Parameters': {'v.$': '" + path + "'}"),
                "{'input-value': 0}");

        assertThat(execution.output()).isEqualTo(json("{'v': " + value + "}"));
    }

    /** AWS's $$ in a Pass state: Execution, StateMachine and State with Name and EnteredTime, nothing more. */
    @Test
    void wholeContextObjectOfAPassState() {
        Execution execution = run(single("JSONPath", "'Type': 'Pass', 'InputPath': '$$'"), "{'input-value': 0}");

        assertThat(execution.output().path("State")).isEqualTo(json("{'Name': 'S', 'EnteredTime': '" + STARTED + "'}"));
        assertThat(execution.output().path("Execution").path("Input")).isEqualTo(json("{'input-value': 0}"));
        assertThat(execution.output().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("Execution", "StateMachine", "State");
    }

    /** State.EnteredTime is when the state was entered, in milliseconds, as the guide prints it. */
    @Test
    void enteredTimeIsWhenTheStateWasEntered() {
        String definition = "{'StartAt': 'W', 'States': {'W': {'Type': 'Wait', 'Seconds': 90, 'Next': 'S'}, "
                + "'S': {'Type': 'Pass', 'Parameters': {'entered.$': '$$.State.EnteredTime'}, 'End': true}}}";

        Execution execution = run(definition, "{}");

        assertThat(execution.output()).isEqualTo(json("{'entered': '2026-01-01T00:01:30.000Z'}"));
    }

    /** JSONata: $states.context carries the same object. */
    @Test
    void jsonataSeesTheContextObjectAsStatesContext() {
        Execution execution = run(single("JSONata", "'Type': 'Pass', 'Output': {'id': "
                + "'{% $states.context.Execution.Id %}', 'state': '{% $states.context.State %}'}"), "{}");

        assertThat(execution.output()).isEqualTo(json("{'id': '" + Runs.EXECUTION_ARN + "', 'state': "
                + "{'Name': 'S', 'EnteredTime': '" + STARTED + "'}}"));
    }

    /** $$.Map.Item.Index and .Value, in ItemSelector (guide: "Context object data for Map states"). */
    static Stream<Arguments> mapItems() {
        String processor = "'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Pass', 'End': true}}}";
        return Stream.of(
                Arguments.of("JSONPath", single("JSONPath", "'Type': 'Map', 'ItemsPath': '$.list', 'ItemSelector': {"
                        + "'index.$': '$$.Map.Item.Index', 'value.$': '$$.Map.Item.Value', 'all.$': '$.tag'}, " + processor)),
                Arguments.of("JSONata", single("JSONata", "'Type': 'Map', 'Items': '{% $states.input.list %}', "
                        + "'ItemSelector': {'index': '{% $states.context.Map.Item.Index %}', "
                        + "'value': '{% $states.context.Map.Item.Value %}', 'all': '{% $states.input.tag %}'}, " + processor)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mapItems")
    void mapItemSelectorSeesTheItem(String language, String definition) {
        Execution execution = run(definition, "{'list': ['a', 'b'], 'tag': 't'}");

        assertThat(execution.output()).isEqualTo(json("[{'index': 0, 'value': 'a', 'all': 't'}, "
                + "{'index': 1, 'value': 'b', 'all': 't'}]"));
    }

    /**
     * The identities AWS gives (guide, "Context object contents"; API reference, "Amazon Resource
     * Names"): a STANDARD execution is {@code ...:execution:MACHINE:NAME}, an EXPRESS one
     * {@code ...:express:MACHINE:NAME:ID}; only STANDARD executions, which alone can be redriven,
     * carry RedriveCount. Without a name the execution gets a UUID, as StartExecution gives.
     */
    static Stream<Arguments> identities() {
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        String prefix = "arn:aws:states:us-east-1:123456789012:";
        return Stream.of(
                Arguments.of(StateMachineType.STANDARD, "run-1", "\\Q" + prefix + "execution:orders:run-1\\E", "run-1", true),
                Arguments.of(StateMachineType.EXPRESS, "run-1", "\\Q" + prefix + "express:orders:run-1:\\E" + uuid, "run-1",
                        false),
                Arguments.of(StateMachineType.STANDARD, null, "\\Q" + prefix + "execution:orders:\\E" + uuid, uuid, true),
                Arguments.of(StateMachineType.EXPRESS, null, "\\Q" + prefix + "express:orders:\\E" + uuid + ":" + uuid,
                        uuid, false));
    }

    @ParameterizedTest(name = "{0} named {1}")
    @MethodSource("identities")
    void executionAndStateMachineHaveAwsIdentities(StateMachineType type, String name, String idPattern,
            String namePattern, boolean redriveCount) {
        String definition = single("JSONPath", "'Type': 'Pass', 'InputPath': '$$'").replace('\'', '"');
        StartRequest request = StartRequest.of("orders", name, json("{}")).withType(type);

        Execution execution = LocalRun.virtualTime(DefinitionParser.parse(definition, type), request,
                new LocalIntegrations());

        JsonNode context = execution.output();
        assertThat(context.path("Execution").path("Id").asText()).matches(idPattern)
                .isEqualTo(execution.executionArn());
        assertThat(context.path("Execution").path("Name").asText()).matches(namePattern)
                .isEqualTo(execution.name());
        assertThat(context.path("StateMachine")).isEqualTo(json("{'Id': "
                + "'arn:aws:states:us-east-1:123456789012:stateMachine:orders', 'Name': 'orders'}"));
        assertThat(context.path("Execution").has("RedriveCount")).isEqualTo(redriveCount);
    }

    /** $$.State.RetryCount counts the retries of the state being entered (guide: "Context object contents"). */
    @Test
    void retryCountCountsTheRetries() {
        AtomicInteger calls = new AtomicInteger();
        LocalIntegrations flaky = new LocalIntegrations().function("flaky", event -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return event;
        });
        String definition = single("JSONPath", "'Type': 'Task', 'Resource': "
                + "'arn:aws:lambda:us-east-1:123456789012:function:flaky', 'Parameters': {'retry.$': '$$.State.RetryCount'}, "
                + "'Retry': [{'ErrorEquals': ['States.ALL'], 'MaxAttempts': 3}]").replace('\'', '"');

        Execution execution = LocalRun.run(definition, Json.parse("{}"), flaky);

        assertThat(execution.output()).isEqualTo(json("{'retry': 2}"));
    }

    /** $$.Task.Token is the token a .waitForTaskToken task hands out; SendTaskSuccess answers it. */
    @Test
    void taskTokenIsHandedToTheResource() {
        AtomicReference<String> token = new AtomicReference<>();
        LocalIntegrations integrations = new LocalIntegrations().function("callback", event -> {
            token.set(event.path("token").asText());
            return Json.NODES.objectNode();
        });
        String definition = single("JSONPath", "'Type': 'Task', 'Resource': "
                + "'arn:aws:states:::lambda:invoke.waitForTaskToken', 'Parameters': {'FunctionName': 'callback', "
                + "'Payload': {'token.$': '$$.Task.Token'}}").replace('\'', '"');
        VirtualClock clock = new VirtualClock();
        Engine engine = new Engine(clock, integrations, new SplittableRandom(7));
        Execution execution = engine.start(DefinitionParser.parse(definition), StartRequest.of("test", json("{}")));
        clock.runUntil(() -> execution.history().events().stream().anyMatch(e -> e.type().equals("TaskSubmitted")));

        JsonNode answer = json("{'answered': true}");
        engine.sendTaskSuccess(token.get(), answer);
        clock.runUntil(() -> execution.status().isTerminal());

        assertThat(token.get()).isNotBlank();
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(answer);
    }
}
