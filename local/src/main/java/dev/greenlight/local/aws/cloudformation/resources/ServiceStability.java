package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Stabilization;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.StabilityStatus;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/**
 * What CloudFormation waits for on an AWS::ECS::Service, read from DescribeServices as any client
 * reads it. After a create or update: a steady state, as the ECS services-stable waiter defines it
 * (for the ECS controller, one deployment left whose running count is its desired count; for
 * CODE_DEPLOY and EXTERNAL, the primary task set steady); a deployment the circuit breaker failed
 * fails the resource. Without a breaker a service that never gets steady keeps the resource in
 * progress: AWS documents no limit of its own here (only the stack's TimeoutInMinutes, which the
 * twin does not model), so the twin waits as long as it takes. After a delete: the service INACTIVE
 * (or gone) with no task left running.
 */
final class ServiceStability {

    /**
     * How often CloudFormation looks: the services-stable waiter's 15 seconds; CloudFormation's own
     * interval is not published.
     */
    static final Duration LOOK_AGAIN = Duration.ofSeconds(15);

    private ServiceStability() {
    }

    static Stabilization afterDeployment(Optional<Service> described, RandomGenerator random) {
        if (described.isEmpty()) {
            return Stabilization.failed("Resource handler returned message: \"Service not found.\" (HandlerErrorCode: "
                    + "NotFound)");
        }
        Service service = described.get();
        DeploymentControllerType controller = service.deploymentController() == null ? DeploymentControllerType.ECS
                : service.deploymentController().type();
        if (controller == DeploymentControllerType.ECS) {
            Optional<Deployment> primary = service.deployments().stream()
                    .filter(deployment -> "PRIMARY".equals(deployment.status())).findFirst();
            if (primary.isPresent() && primary.get().rolloutState() == DeploymentRolloutState.FAILED) {
                // The wording CloudFormation reports, as AWS's ECS team gave it when the breaker came to
                // CloudFormation (aws/containers-roadmap#1205); the user guide does not publish it.
                return Stabilization.failed("Resource handler returned message: \"Error occurred during operation "
                        + "'ECS Deployment Circuit Breaker was triggered'.\" (RequestToken: "
                        + new UUID(random.nextLong(), random.nextLong()) + ", HandlerErrorCode: "
                        + "GeneralServiceException)");
            }
            boolean steady = service.deployments().size() == 1 && primary.isPresent()
                    && primary.get().runningCount().equals(primary.get().desiredCount());
            return steady ? Stabilization.DONE : Stabilization.lookAgainIn(LOOK_AGAIN);
        }
        Optional<TaskSet> primary = service.taskSets().stream().filter(set -> "PRIMARY".equals(set.status()))
                .findFirst();
        boolean steady = primary.isEmpty() || primary.get().stabilityStatus() == StabilityStatus.STEADY_STATE
                && primary.get().runningCount().equals(primary.get().computedDesiredCount());
        return steady ? Stabilization.DONE : Stabilization.lookAgainIn(LOOK_AGAIN);
    }

    static Stabilization afterDelete(Optional<Service> described) {
        boolean drained = described.isEmpty() || "INACTIVE".equals(described.get().status())
                && described.get().runningCount() == 0 && described.get().pendingCount() == 0;
        return drained ? Stabilization.DONE : Stabilization.lookAgainIn(LOOK_AGAIN);
    }
}
