package dev.greenlight.cli.asl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.LocalRun;
import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.HistoryEvent;
import dev.greenlight.local.asl.eval.StartRequest;
import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.asl.parse.InvalidDefinitionException;
import dev.greenlight.local.asl.task.Integrations;
import dev.greenlight.local.asl.task.LocalIntegrations;
import dev.greenlight.local.asl.task.MockConfig;
import dev.greenlight.local.aws.stepfunctions.ResourceNames;

/**
 * Runs one request and answers with one JSON object: {@code status}, {@code output}, {@code error},
 * {@code cause} (and {@code history} when asked). Problems with the request itself are answers too.
 */
final class AslRunner {

    private AslRunner() {
    }

    static ObjectNode run(RunRequest request) throws InterruptedException {
        StateMachine machine;
        try {
            machine = DefinitionParser.parse(request.definition(), request.type());
        } catch (InvalidDefinitionException e) {
            return result("INVALID_DEFINITION", null, "InvalidDefinition", e.getMessage());
        }
        String badName = badName(request);
        if (badName != null) {
            return invalidRequest(badName);
        }
        S3Directory s3;
        try {
            s3 = request.s3Dir() == null ? null : S3Directory.load(request.s3Dir());
        } catch (IllegalArgumentException e) {
            return invalidRequest(e.getMessage());
        }
        Integrations integrations;
        try {
            integrations = integrations(request, s3);
        } catch (IllegalArgumentException e) {
            return invalidRequest("the mock configuration is not usable: " + e.getMessage());
        }
        StartRequest start = StartRequest.of(request.stateMachineName(), request.name(), request.input())
                .withType(request.type());
        Execution execution = request.realTime() ? LocalRun.realTime(machine, start, integrations)
                : LocalRun.virtualTime(machine, start, integrations);
        if (s3 != null) {
            s3.save();
        }
        ObjectNode result = result(execution.status().name(), execution.output(), execution.error(),
                execution.cause());
        if (request.history()) {
            ArrayNode events = result.putArray("history");
            execution.history().events().stream().map(HistoryEvent::toJson).forEach(events::add);
        }
        return result;
    }

    /** What is wrong with the names, as StartExecution and CreateStateMachine check them; null when nothing is. */
    private static String badName(RunRequest request) {
        if (request.name() != null && !ResourceNames.isValid(request.name())) {
            return "the execution name '" + request.name() + "' is not valid: use 1 to 80 letters, digits, - or _ "
                    + "(no spaces, brackets, wildcards or special characters)";
        }
        if (!ResourceNames.isValid(request.stateMachineName())) {
            return "the state machine name '" + request.stateMachineName() + "' is not valid: use 1 to 80 letters, "
                    + "digits, - or _ (no spaces, brackets, wildcards or special characters)";
        }
        return null;
    }

    /** A request that could not be run at all: unreadable input, a broken mock configuration. */
    static ObjectNode invalidRequest(String cause) {
        return result("INVALID_REQUEST", null, "InvalidRequest", cause);
    }

    /** The local integrations, S3 over the directory when there is one, and the mocks over both. */
    private static Integrations integrations(RunRequest request, S3Directory s3) {
        Integrations local = s3 == null ? new LocalIntegrations() : s3.integration(new LocalIntegrations());
        if (request.mockConfig() == null) {
            if (request.testCase() != null) {
                throw new IllegalArgumentException("--test-case needs --mock-config");
            }
            return local;
        }
        if (request.testCase() == null) {
            throw new IllegalArgumentException("a mock configuration needs a test case (--test-case NAME)");
        }
        return MockConfig.of(request.mockConfig()).testCase(request.stateMachineName(), request.testCase(), local);
    }

    private static ObjectNode result(String status, com.fasterxml.jackson.databind.JsonNode output, String error,
            String cause) {
        ObjectNode result = Json.NODES.objectNode();
        result.put("status", status);
        result.set("output", output == null ? Json.NODES.nullNode() : output);
        result.put("error", error);
        result.put("cause", cause);
        return result;
    }
}
