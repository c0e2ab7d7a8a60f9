package dev.greenlight.workers.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;

/**
 * @param config the service's entry: its {@code notifications} name the bus and the topic; when absent,
 *               the default bus and no topic
 * @param detail whatever the state adds: the trigger, the error and cause of a rollback ({@code error}
 *               or Step Functions' {@code Error}), timings
 */
public record NotifyRequest(DeploymentEvent event, String service, ImageRef image, ServiceConfig config,
        JsonNode detail) {
}
