package dev.greenlight.cli.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.cli.CommandRun;
import dev.greenlight.local.asl.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AslRunTest {

    private static final String WAIT_THEN_PASS = """
            {"StartAt": "W", "TimeoutSeconds": 7200, "States": {
              "W": {"Type": "Wait", "Seconds": 3600, "Next": "P"},
              "P": {"Type": "Pass", "Parameters": {"sum.$": "States.MathAdd($.a, 1)"}, "End": true}}}
            """;

    private static final String CHARGE = """
            {"StartAt": "Charge", "States": {
              "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                         "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
                         "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "MaxAttempts": 2}],
                         "OutputPath": "$.Payload", "End": true}}}
            """;

    private static final String MOCKS = """
            {"StateMachines": {"Charge": {"TestCases": {
                "Ok": {"Charge": "Receipt"}, "Throttled": {"Charge": "ThrottledThenReceipt"}, "Down": {"Charge": "Down"}}}},
             "MockedResponses": {
                "Receipt": {"0": {"Return": {"StatusCode": 200, "Payload": {"receipt": "r-1"}}}},
                "ThrottledThenReceipt": {"0-1": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "slow down"}},
                                          "2": {"Return": {"StatusCode": 200, "Payload": {"receipt": "r-2"}}}},
                "Down": {"0-2": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "slow down"}}}}}
            """;

    @TempDir
    Path dir;

    @Test
    void run_printsStatusAndOutputAsOneJsonObject_inVirtualTime() throws IOException {
        CommandRun run = CommandRun.of("asl", "run", "--definition", write("d.json", WAIT_THEN_PASS),
                "--input", write("i.json", "{\"a\": 41}"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(
                "{\"status\":\"SUCCEEDED\",\"output\":{\"sum\":42},\"error\":null,\"cause\":null}");
    }

    @Test
    void realTime_runsTheSameDefinitionOnTheWallClock() throws IOException {
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "W", "States": {
                  "W": {"Type": "Wait", "Seconds": 0, "Next": "P"},
                  "P": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, 1)"}, "End": true}}}, "End": true}}}
                """;

        CommandRun run = CommandRun.of("asl", "run", "--definition", write("d.json", definition),
                "--input", write("i.json", "[1, 2, 3]"), "--real-time");

        assertThat(Json.parse(run.out()).get("output").toString()).isEqualTo("[{\"v\":2},{\"v\":3},{\"v\":4}]");
    }

    @Test
    void invalidDefinition_isAnAnswerWithTheValidationMessage() throws IOException {
        CommandRun run = CommandRun.of("asl", "run", "--definition",
                write("d.json", "{\"StartAt\": \"X\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}"));

        JsonNode result = Json.parse(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(result.get("status").asText()).isEqualTo("INVALID_DEFINITION");
        assertThat(result.get("error").asText()).isEqualTo("InvalidDefinition");
        assertThat(result.get("cause").asText()).startsWith("Invalid State Machine Definition: '")
                .contains("Missing 'Next' target: X at /StartAt");
        assertThat(result.get("output").isNull()).isTrue();
    }

    @Test
    void mockConfig_answersEachTestCaseAsStepFunctionsLocalDoes() throws IOException {
        String definition = write("d.json", CHARGE);
        String mocks = write("m.json", MOCKS);

        assertThat(runCase(definition, mocks, "Ok").get("output").toString()).isEqualTo("{\"receipt\":\"r-1\"}");
        assertThat(runCase(definition, mocks, "Throttled").get("output").toString())
                .isEqualTo("{\"receipt\":\"r-2\"}");
        JsonNode down = runCase(definition, mocks, "Down");
        assertThat(down.get("status").asText()).isEqualTo("FAILED");
        assertThat(down.get("error").asText()).isEqualTo("Lambda.TooManyRequestsException");
        assertThat(down.get("cause").asText()).isEqualTo("slow down");
    }

    @Test
    void history_addsGetExecutionHistoryEvents() throws IOException {
        CommandRun run = CommandRun.of("asl", "run", "--definition", write("d.json", WAIT_THEN_PASS),
                "--input", write("i.json", "{\"a\": 1}"), "--history");

        JsonNode history = Json.parse(run.out()).get("history");
        assertThat(history).extracting(event -> event.get("type").asText()).containsExactly("ExecutionStarted",
                "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        assertThat(history.get(1).get("stateEnteredEventDetails").get("input").asText()).isEqualTo("{\"a\":1}");
        assertThat(history.get(5).get("previousEventId").asLong()).isEqualTo(5);
    }

    @Test
    void executionTimeout_endsTimedOut() throws IOException {
        String definition = WAIT_THEN_PASS.replace("\"Seconds\": 3600", "\"Seconds\": 9000");

        JsonNode result = Json.parse(CommandRun.of("asl", "run", "--definition", write("d.json", definition)).out());

        assertThat(result.get("status").asText()).isEqualTo("TIMED_OUT");
    }

    private static final String IDENTITY = """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"id.$": "$$.Execution.Id",
              "name.$": "$$.Execution.Name", "machine.$": "$$.StateMachine.Id"}, "End": true}}}
            """;

    @Test
    void nameAndStateMachineName_areTheExecutionsIdentity() throws IOException {
        JsonNode result = Json.parse(CommandRun.of("asl", "run", "--definition", write("d.json", IDENTITY),
                "--name", "run-1", "--state-machine-name", "orders").out());

        assertThat(result.get("output")).isEqualTo(Json.parse("""
                {"id": "arn:aws:states:us-east-1:123456789012:execution:orders:run-1", "name": "run-1",
                 "machine": "arn:aws:states:us-east-1:123456789012:stateMachine:orders"}"""));
    }

    @Test
    void withoutNames_theExecutionIsAUuidOfTheMachineLocal() throws IOException {
        JsonNode output = Json.parse(CommandRun.of("asl", "run", "--definition", write("d.json", IDENTITY),
                "--type", "EXPRESS").out()).get("output");

        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        assertThat(output.get("name").asText()).matches(uuid);
        assertThat(output.get("id").asText()).matches("arn:aws:states:us-east-1:123456789012:express:local:"
                + output.get("name").asText() + ":" + uuid);
    }

    @Test
    void invalidName_isAnInvalidRequestSayingWhatIsAllowed() throws IOException {
        JsonNode result = Json.parse(CommandRun.of("asl", "run", "--definition", write("d.json", IDENTITY),
                "--name", "run 1").out());

        assertThat(result.get("status").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(result.get("cause").asText()).isEqualTo("the execution name 'run 1' is not valid: use 1 to 80 "
                + "letters, digits, - or _ (no spaces, brackets, wildcards or special characters)");
    }

    @Test
    void unreadableInput_isAnInvalidRequestNamingTheFile() throws IOException {
        CommandRun run = CommandRun.of("asl", "run", "--definition", write("d.json", WAIT_THEN_PASS),
                "--input", write("i.json", "{not json"));

        JsonNode result = Json.parse(run.out());
        assertThat(result.get("status").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(result.get("cause").asText()).startsWith("the input is not valid JSON");
    }

    @Test
    void missingDefinition_isAUsageErrorWithANextStep() {
        CommandRun run = CommandRun.of("asl", "run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing --definition FILE").contains("--jsonl");
    }

    @Test
    void jsonl_answersEveryLineWithItsId_evenAfterABadLine() {
        String stdin = String.join("\n",
                "{\"id\": 1, \"definition\": " + WAIT_THEN_PASS.replace("\n", " ") + ", \"input\": {\"a\": 1}}",
                "this is not json",
                "{\"id\": \"three\", \"definition\": \"{\\\"StartAt\\\": \\\"P\\\", \\\"States\\\": {\\\"P\\\": "
                        + "{\\\"Type\\\": \\\"Pass\\\", \\\"End\\\": true}}}\", \"input\": \"{\\\"x\\\": 3}\"}",
                "{\"id\": 4, \"definition\": " + CHARGE.replace("\n", " ") + ", \"mockConfig\": "
                        + MOCKS.replace("\n", " ") + ", \"testCase\": \"Ok\"}",
                "{\"id\": 5, \"definition\": {}, \"type\": \"EXPRESS\"}");

        CommandRun run = CommandRun.withStdin(stdin, "asl", "run", "--jsonl");

        List<JsonNode> results = run.out().lines().map(Json::parse).toList();
        assertThat(run.exitCode()).isZero();
        assertThat(results).extracting(r -> r.get("id").toString() + " " + r.get("status").asText()).containsExactly(
                "1 SUCCEEDED", "null INVALID_REQUEST", "\"three\" SUCCEEDED", "4 SUCCEEDED", "5 INVALID_DEFINITION");
        assertThat(results.get(0).get("output").toString()).isEqualTo("{\"sum\":2}");
        assertThat(results.get(2).get("output").toString()).isEqualTo("{\"x\":3}");
        assertThat(results.get(3).get("output").toString()).isEqualTo("{\"receipt\":\"r-1\"}");
    }

    private JsonNode runCase(String definition, String mocks, String testCase) {
        return Json.parse(CommandRun.of("asl", "run", "--definition", definition, "--mock-config", mocks,
                "--test-case", testCase).out());
    }

    /** --s3-dir: sub-directories are buckets; the ItemReader reads a file, the ResultWriter's objects come back as files. */
    @Test
    void s3Dir_standsInForS3() throws IOException {
        Path s3 = dir.resolve("s3");
        Files.createDirectories(s3.resolve("items/in"));
        Files.createDirectories(s3.resolve("results"));
        Files.writeString(s3.resolve("items/in/data.json"), "[1, 2, 3]");
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "items", "Key": "in/data.json"}},
                  "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "results", "Prefix": "out"}},
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                    "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
                """;

        JsonNode result = Json.parse(CommandRun.of("asl", "run", "--definition", write("d.json", definition),
                "--s3-dir", s3.toString()).out());

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("SUCCEEDED");
        String manifestKey = result.at("/output/ResultWriterDetails/Key").asText();
        Path manifest = s3.resolve("results").resolve(manifestKey);
        assertThat(manifest).exists();
        Path succeeded = manifest.resolveSibling("SUCCEEDED_0.json");
        assertThat(Json.parse(Files.readString(succeeded))).hasSize(3);
    }

    @Test
    void s3Dir_thatIsNoDirectory_isAnInvalidRequest() throws IOException {
        JsonNode result = Json.parse(CommandRun.of("asl", "run", "--definition", write("d.json", WAIT_THEN_PASS),
                "--s3-dir", dir.resolve("missing").toString()).out());

        assertThat(result.get("status").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(result.get("cause").asText()).contains("is not a directory");
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }
}
