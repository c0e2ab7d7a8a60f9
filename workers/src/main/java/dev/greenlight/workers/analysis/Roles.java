package dev.greenlight.workers.analysis;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetType;
import software.amazon.awssdk.services.codedeploy.model.ECSTarget;
import software.amazon.awssdk.services.codedeploy.model.ECSTaskSet;
import software.amazon.awssdk.services.codedeploy.model.TargetLabel;

/**
 * The role each target group plays in one deployment: blue served production before, green is the
 * replacement. Target group names alternate between releases, so people read roles, not names.
 */
public record Roles(String blueTargetGroup, String greenTargetGroup) {

    public static final String BLUE = "blue";
    public static final String GREEN = "green";

    /** "blue", "green", or null for a target group that plays no part in this deployment. */
    public String roleOf(String targetGroup) {
        if (targetGroup == null) {
            return null;
        }
        if (targetGroup.equals(greenTargetGroup)) {
            return GREEN;
        }
        return targetGroup.equals(blueTargetGroup) ? BLUE : null;
    }

    /**
     * From the deployment's ECS target (GetDeploymentTarget's task sets, labelled BLUE and GREEN,
     * each with its target group). Before CodeDeploy has created the replacement task set, green is
     * the other target group of the deployment group's pair. Empty until the deployment has started.
     * Takes the GetDeployment answer the caller already has, rather than asking again.
     */
    public static Optional<Roles> of(CodeDeployClient codeDeploy, DeploymentInfo deployment) {
        String deploymentId = deployment.deploymentId();
        List<String> targets;
        try {
            targets = codeDeploy.listDeploymentTargets(r -> r.deploymentId(deploymentId)).targetIds();
        } catch (DeploymentNotStartedException queued) {
            return Optional.empty();
        }
        for (String targetId : targets) {
            var target = codeDeploy.getDeploymentTarget(r -> r.deploymentId(deploymentId).targetId(targetId))
                    .deploymentTarget();
            if (target.deploymentTargetType() != DeploymentTargetType.ECS_TARGET || target.ecsTarget() == null) {
                continue;
            }
            ECSTarget ecs = target.ecsTarget();
            String blue = targetGroup(ecs, TargetLabel.BLUE);
            String green = targetGroup(ecs, TargetLabel.GREEN);
            if (blue != null && green != null) {
                return Optional.of(new Roles(blue, green));
            }
            if (blue != null) {
                return otherOfThePair(codeDeploy, deployment, blue).map(other -> new Roles(blue, other));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> otherOfThePair(CodeDeployClient codeDeploy, DeploymentInfo deployment,
            String blue) {
        var group = codeDeploy.getDeploymentGroup(r -> r.applicationName(deployment.applicationName())
                .deploymentGroupName(deployment.deploymentGroupName())).deploymentGroupInfo();
        if (group.loadBalancerInfo() == null) {
            return Optional.empty();
        }
        return group.loadBalancerInfo().targetGroupPairInfoList().stream()
                .filter(pair -> pair.targetGroups().stream().anyMatch(g -> blue.equals(g.name())))
                .flatMap(pair -> pair.targetGroups().stream()).map(g -> g.name())
                .filter(name -> name != null && !name.equals(blue)).findFirst();
    }

    private static String targetGroup(ECSTarget target, TargetLabel label) {
        return target.taskSetsInfo().stream().filter(set -> set.taskSetLabel() == label)
                .map(ECSTaskSet::targetGroup).filter(group -> group != null && group.name() != null)
                .map(group -> group.name()).findFirst().orElse(null);
    }

    /**
     * The target group an ALB metric is about, from its {@code TargetGroup} dimension
     * ({@code targetgroup/NAME/ID}); null for any other value.
     */
    public static String targetGroupOfDimension(String value) {
        if (value == null || !value.startsWith("targetgroup/")) {
            return null;
        }
        String[] parts = value.split("/");
        return parts.length >= 2 ? parts[1] : null;
    }
}
