package dev.greenlight.workers.deploy;

import java.util.Optional;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/**
 * The deployment group's active deployment when it deploys a given task definition: what a retried
 * CreateDeployment already started (CreateDeployment has no idempotency token, and a group holds
 * one active deployment, so the retry is refused with DeploymentLimitExceededException).
 */
public final class ActiveDeployments {

    private ActiveDeployments() {
    }

    public static Optional<DeploymentInfo> deploying(CodeDeployClient codeDeploy, String application, String group,
            String taskDefinitionArn) {
        return codeDeploy.listDeployments(r -> r.applicationName(application).deploymentGroupName(group)
                        .includeOnlyStatuses(DeploymentStatus.CREATED, DeploymentStatus.QUEUED,
                                DeploymentStatus.IN_PROGRESS, DeploymentStatus.BAKING, DeploymentStatus.READY))
                .deployments().stream()
                .map(id -> codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo())
                .filter(info -> info.revision() != null && info.revision().appSpecContent() != null
                        && AppSpecs.taskDefinitionOf(info.revision().appSpecContent().content())
                                .filter(taskDefinitionArn::equals).isPresent())
                .findFirst();
    }
}
