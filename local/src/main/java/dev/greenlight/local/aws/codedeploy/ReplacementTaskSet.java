package dev.greenlight.local.aws.codedeploy;

import java.util.List;

/**
 * What CodeDeploy asks ECS for in the Install event: a task set of the AppSpec's task definition
 * whose container {@code containerName} on {@code containerPort} registers in {@code targetGroup}
 * (the target group of the pair that is not serving production).
 */
public record ReplacementTaskSet(EcsServiceId service, String taskDefinition, String containerName,
        int containerPort, String targetGroup, String platformVersion, AwsVpcConfiguration network) {

    /** The AppSpec's {@code NetworkConfiguration.AwsvpcConfiguration}; null fields when absent. */
    public record AwsVpcConfiguration(List<String> subnets, List<String> securityGroups, String assignPublicIp) {
    }
}
