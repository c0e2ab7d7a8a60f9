package dev.greenlight.workers.smoke;

import com.fasterxml.jackson.annotation.JsonProperty;

/** CodeDeploy's event for a lifecycle hook: the deployment and the hook execution to report on. */
public record HookEvent(
        @JsonProperty("DeploymentId") String deploymentId,
        @JsonProperty("LifecycleEventHookExecutionId") String lifecycleEventHookExecutionId) {
}
