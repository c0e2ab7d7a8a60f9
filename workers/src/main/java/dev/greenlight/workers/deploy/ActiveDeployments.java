package dev.greenlight.workers.deploy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/**
 * The deployment group's active deployment when it deploys a given task definition: what a retried
 * CreateDeployment already started (CreateDeployment has no idempotency token, and a group holds
 * one active deployment, so the retry is refused with DeploymentLimitExceededException).
 */
public final class ActiveDeployments {

    /** The statuses of a deployment that has not ended. */
    public static final List<DeploymentStatus> ACTIVE = List.of(DeploymentStatus.CREATED, DeploymentStatus.QUEUED,
            DeploymentStatus.IN_PROGRESS, DeploymentStatus.BAKING, DeploymentStatus.READY);

    private ActiveDeployments() {
    }

    /** The group's deployments that have not ended, each as GetDeployment describes it. */
    public static Stream<DeploymentInfo> active(CodeDeployClient codeDeploy, String application, String group) {
        return codeDeploy.listDeployments(r -> r.applicationName(application).deploymentGroupName(group)
                        .includeOnlyStatuses(ACTIVE))
                .deployments().stream()
                .map(id -> codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo());
    }

    public static Optional<DeploymentInfo> deploying(CodeDeployClient codeDeploy, String application, String group,
            String taskDefinitionArn) {
        return active(codeDeploy, application, group)
                .filter(info -> AppSpecs.taskDefinitionOf(info).filter(taskDefinitionArn::equals).isPresent())
                .findFirst();
    }
}
