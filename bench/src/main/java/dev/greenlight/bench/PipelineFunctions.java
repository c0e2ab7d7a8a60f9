package dev.greenlight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.task.LocalIntegrations;

/**
 * Stub Lambda handlers for the deployment pipeline. Each is a pure function of its event, so
 * executions can share them: the green service is "not yet stable" on its first attempt, and the
 * deployment turns STABLE on its {@value #POLLS_UNTIL_STABLE}th poll.
 */
final class PipelineFunctions {

    static final int POLLS_UNTIL_STABLE = 3;
    static final String NOT_YET_STABLE = "Greenlight.NotYetStable";

    private PipelineFunctions() {
    }

    static LocalIntegrations integrations() {
        return new LocalIntegrations()
                .function("validate-request", event -> object().put("valid", true)
                        .put("service", event.path("service").asText()))
                .function("register-task-definition", event -> object()
                        .put("taskDefinitionArn", "arn:aws:ecs:us-east-1:123456789012:task-definition/orders:42"))
                .function("create-green-service", PipelineFunctions::createGreenService)
                .function("start-deployment", event -> deployment(0))
                .function("poll-deployment", event -> deployment(event.path("polls").intValue() + 1))
                .function("run-smoke-tests", event -> object().put("passed", 12).put("failed", 0))
                .function("record-smoke-results", event -> object().put("recorded", true)
                        .put("passed", event.path("passed").intValue()))
                .function("check-alarms", event -> object().set("inAlarm", Json.NODES.arrayNode()))
                .function("check-metrics", event -> object().put("healthy", event.path("inAlarm").isEmpty()))
                .function("shift-traffic", event -> object().put("greenWeight", 100))
                .function("drain-blue", event -> object().put("drained", true))
                .function("notify", event -> object().put("sent", true))
                .function("roll-back", event -> object().put("rolledBack", true));
    }

    private static JsonNode createGreenService(JsonNode event) {
        int retryCount = event.path("retryCount").intValue();
        if (retryCount == 0) {
            throw new StatesException(NOT_YET_STABLE, "the green service has no running tasks yet");
        }
        return object().put("service", "orders-green").put("attempt", retryCount);
    }

    private static ObjectNode deployment(int polls) {
        return object().put("deploymentId", "ecs-svc/1234567890").put("polls", polls)
                .put("status", polls >= POLLS_UNTIL_STABLE ? "STABLE" : "IN_PROGRESS");
    }

    private static ObjectNode object() {
        return Json.NODES.objectNode();
    }
}
