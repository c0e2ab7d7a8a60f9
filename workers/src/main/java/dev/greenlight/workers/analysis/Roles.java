package dev.greenlight.workers.analysis;

import java.util.Optional;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
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
     * each with its target group); empty until CodeDeploy has created the replacement task set.
     */
    public static Optional<Roles> of(CodeDeployClient codeDeploy, String deploymentId) {
        java.util.List<String> targets;
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
        }
        return Optional.empty();
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
