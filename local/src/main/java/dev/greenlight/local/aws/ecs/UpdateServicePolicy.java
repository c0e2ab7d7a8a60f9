package dev.greenlight.local.aws.ecs;

import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * What UpdateService may change per deployment controller (API reference, UpdateService): an ECS
 * service anything; a CODE_DEPLOY or EXTERNAL service only its desired count, deployment
 * configuration, health check grace period, placement, managed tags and tag propagation. The
 * task definition, network configuration, platform version and a forced deployment go through
 * CodeDeploy (or a new task set) instead.
 */
final class UpdateServicePolicy {

    private UpdateServicePolicy() {
    }

    /** The refusal for {@code request} on a service with {@code controller}, if any. */
    static Optional<String> refusal(DeploymentControllerType controller, UpdateServiceRequest request) {
        if (controller == DeploymentControllerType.ECS) {
            return Optional.empty();
        }
        String advice = controller == DeploymentControllerType.CODE_DEPLOY
                ? " Use AWS CodeDeploy to trigger a new deployment." : " Use a new task set instead.";
        String suffix = " on services with a " + controller + " deployment controller." + advice;
        if (request.taskDefinition() != null) {
            return Optional.of("Unable to update task definition" + suffix);
        }
        if (request.networkConfiguration() != null) {
            return Optional.of("Unable to update network configuration" + suffix);
        }
        if (request.platformVersion() != null) {
            return Optional.of("Unable to update platform version" + suffix);
        }
        if (Boolean.TRUE.equals(request.forceNewDeployment())) {
            return Optional.of("Unable to force a new deployment" + suffix);
        }
        return Optional.empty();
    }
}
