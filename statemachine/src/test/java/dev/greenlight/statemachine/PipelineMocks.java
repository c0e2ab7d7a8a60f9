package dev.greenlight.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.task.Integrations;
import dev.greenlight.local.asl.task.MockConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Step Functions Local mock configuration for the pipeline, built per test: every worker answers
 * as on a good release unless the test says otherwise. Each answer is the {@code lambda:invoke}
 * envelope ({@code StatusCode}, {@code Payload}) or an error, repeated as often as asked.
 */
final class PipelineMocks {

    static final String DEPLOYMENT_ID = "d-ORDERS2000";
    static final String IMAGE_URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:2f1c9a7b0e4d";
    static final String TRANSIENT = "dev.greenlight.workers.core.TransientAwsError";
    /** Enough answers for any loop a test runs. */
    static final int FOREVER = 100_000;

    private final Map<String, List<Answer>> answers = new LinkedHashMap<>();

    /** One or more invocations' answer: a payload, or an error with its cause. */
    record Answer(int times, JsonNode payload, String error, String cause) {
    }

    static Answer returns(JsonNode payload) {
        return new Answer(1, payload, null, null);
    }

    static Answer returns(int times, JsonNode payload) {
        return new Answer(times, payload, null, null);
    }

    static Answer fails(int times, String error, String cause) {
        return new Answer(times, null, error, cause);
    }

    /** A good release: accepted image, clear preflight, a canary of two polls, bake over, promotion done. */
    static PipelineMocks goodRelease() {
        PipelineMocks mocks = new PipelineMocks();
        JsonNode notified = object("eventId", "e-1", "messageId", "m-1");
        mocks.answer("NotifyStarted", returns(notified));
        mocks.answer("NotifySucceeded", returns(notified));
        mocks.answer("NotifyRolledBack", returns(notified));
        mocks.answer("VerifyImage", returns(verified(true, List.of())));
        mocks.answer("Preflight", returns(preflight("CLEAR", List.of())));
        mocks.answer("RegisterTaskDefinition", returns(object(
                "taskDefinitionArn", "arn:aws:ecs:us-east-1:123456789012:task-definition/orders:8",
                "previousTaskDefinitionArn", "arn:aws:ecs:us-east-1:123456789012:task-definition/orders:7")));
        mocks.answer("StartDeployment", returns(object("deploymentId", DEPLOYMENT_ID,
                "startedAt", "2025-01-01T00:00:00Z")));
        mocks.answer("WatchCanary", returns(watch("HEALTHY", false, false, 10)),
                returns(watch("HEALTHY", true, true, 10)));
        mocks.answer("WatchBake", returns(watch("HEALTHY", false, false, 10)), returns(watch("HEALTHY", true, true, 10)));
        mocks.answer("RequestApproval", returns(FOREVER, object("notified", true)));
        mocks.answer("WatchDuringApproval", returns(FOREVER, watch("HEALTHY", false, true, 24)));
        mocks.answer("Promote", returns(object("promotedAt", "2025-01-01T00:20:00Z")));
        mocks.answer("WatchPromote", returns(watch("HEALTHY", true, true, 10)),
                returns(watch("DEPLOYMENT_SUCCEEDED", true, true, 10)));
        mocks.answer("Rollback", returns(object("action", "STOPPED", "rollbackDeploymentId", null)));
        mocks.answer("WatchRollback", returns(watch("HEALTHY", false, false, 10)),
                returns(FOREVER, failedDeployment("DEPLOYMENT_STOPPED", "Stopped with rollback")));
        return mocks;
    }

    /** Replaces the answers of {@code state}, in order. */
    PipelineMocks answer(String state, Answer... inOrder) {
        answers.put(state, Arrays.asList(inOrder));
        return this;
    }

    /** The mock configuration file, as AWS Step Functions Local reads it. */
    JsonNode configuration() {
        ObjectNode root = Json.NODES.objectNode();
        ObjectNode testCase = root.putObject("StateMachines").putObject("Pipeline").putObject("TestCases")
                .putObject("Case");
        ObjectNode responses = root.putObject("MockedResponses");
        answers.forEach((state, list) -> {
            testCase.put(state, state + "Mock");
            ObjectNode byInvocation = responses.putObject(state + "Mock");
            int next = 0;
            for (Answer answer : list) {
                int last = next + answer.times() - 1;
                ObjectNode response = byInvocation.putObject(next == last ? String.valueOf(next) : next + "-" + last);
                if (answer.error() != null) {
                    ObjectNode thrown = response.putObject("Throw").put("Error", answer.error());
                    if (answer.cause() != null) {
                        thrown.put("Cause", answer.cause());
                    }
                } else {
                    response.putObject("Return").put("StatusCode", 200).set("Payload", answer.payload());
                }
                next = last + 1;
            }
        });
        return root;
    }

    Integrations integrations() {
        return MockConfig.of(configuration()).testCase(null, "Case", call -> {
            throw new StatesException("States.Runtime", "the test mocks no answer for state " + call.stateName());
        });
    }

    static JsonNode verified(boolean accepted, List<String> reasons) {
        return object("accepted", accepted, "reasons", reasons, "digest", "sha256:2f1c9a7b0e4d", "imageUri", IMAGE_URI,
                "findings", object("CRITICAL", accepted ? 0 : 3, "HIGH", 1), "labels", object(),
                "platform", "linux/amd64");
    }

    static JsonNode preflight(String verdict, List<String> alarmsFiring) {
        return object("verdict", verdict, "reasons", List.of(), "alarmsFiring", alarmsFiring);
    }

    static JsonNode watch(String verdict, boolean windowOver, boolean readyToPromote, int nextCheckSeconds) {
        return object("verdict", verdict, "deploymentStatus", "InProgress", "errorCode", null, "errorMessage", null,
                "windowOver", windowOver, "readyToPromote", readyToPromote,
                "alarms", List.of(object("name", "orders-green-5xx", "state", "OK", "firedAt", null, "reason", null)),
                "nextCheckSeconds", nextCheckSeconds, "checkedAt", "2025-01-01T00:01:00Z",
                "analysis", analysis(windowOver ? "PASS" : "INSUFFICIENT_EVIDENCE"),
                "evidenceDueAt", "2025-01-01T00:15:00Z");
    }

    /** The canary analysis as WatchDeployment reports it. */
    static JsonNode analysis(String verdict) {
        long green = "INSUFFICIENT_EVIDENCE".equals(verdict) ? 40 : 300;
        long errors = "FAIL".equals(verdict) ? 30 : 0;
        return object("verdict", verdict, "reason", "green served " + green + " requests, " + errors + " 5xx",
                "green", object("requests", green, "errors", errors, "errorRate", (double) errors / green,
                        "meanLatencyMs", 12.0),
                "blue", object("requests", 2700, "errors", 1, "errorRate", 1 / 2700.0, "meanLatencyMs", 11.0),
                "errors", object("statistic", "fisher-exact", "comparedWith", 1 / 2700.0,
                        "pValue", "FAIL".equals(verdict) ? 1e-20 : 0.6, "alpha", 0.01, "failed", "FAIL".equals(verdict)),
                "latency", object("ratio", 12 / 11.0, "limit", 1.5, "failed", false));
    }

    static JsonNode alarm(String name, String reason) {
        ObjectNode answer = (ObjectNode) watch("ALARM", false, false, 10);
        answer.set("alarms", Json.MAPPER.valueToTree(List.of(
                object("name", name, "state", "ALARM", "firedAt", "2025-01-01T00:02:30Z", "reason", reason))));
        return answer;
    }

    static JsonNode failedDeployment(String errorCode, String errorMessage) {
        ObjectNode answer = (ObjectNode) watch("DEPLOYMENT_FAILED", false, false, 10);
        return answer.put("deploymentStatus", "Failed").put("errorCode", errorCode).put("errorMessage", errorMessage);
    }

    static ObjectNode object(Object... fieldsAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return Json.MAPPER.valueToTree(fields);
    }
}
