package dev.greenlight.workers.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;

/**
 * What the approval state passes: {@code taskToken} ({@code $$.Task.Token}), the release, the service's
 * configuration (its topic and approval deadline) and the evidence gathered so far.
 *
 * @param execution the execution's name ({@code $$.Execution.Name}); when absent, the name the trigger
 *                  derives from service, tag and digest
 * @param evidence  whatever the state passes (digest, findings, smoke results, canary alarms), shown as is
 */
public record ApprovalRequest(String taskToken, String execution, String service, ImageRef image,
        ServiceConfig config, JsonNode evidence) {
}
