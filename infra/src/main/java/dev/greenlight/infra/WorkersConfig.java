package dev.greenlight.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.workers.core.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The configuration as the deployed workers see it: the file, where a service without
 * {@code notifications.topicArn} gets the stack's topic, so approval requests and notifications
 * reach its subscribers. Everything else is the file as written.
 */
final class WorkersConfig {

    private WorkersConfig() {
    }

    /** {@code topicArn} may be a CDK token; it is embedded in the JSON text and resolved by CloudFormation. */
    static String withDefaultTopic(String configJson, String topicArn) {
        try {
            ObjectNode root = (ObjectNode) Worker.JSON.readTree(configJson);
            for (JsonNode service : root.path("services")) {
                JsonNode notifications = service.path("notifications");
                if (!notifications.isObject()) {
                    notifications = ((ObjectNode) service).putObject("notifications");
                }
                if (!notifications.hasNonNull("topicArn")) {
                    ((ObjectNode) notifications).put("topicArn", topicArn);
                }
            }
            return Worker.JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
