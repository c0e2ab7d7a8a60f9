package dev.greenlight.local.aws.codedeploy;

import java.util.Map;

/** The parts of an ECS AppSpec that CodeDeploy acts on: the target service's properties and the hooks. */
record AppSpec(String taskDefinition, String containerName, int containerPort, String platformVersion,
        ReplacementTaskSet.AwsVpcConfiguration network, Map<EcsLifecycleEvent, String> hooks) {

    AppSpec {
        hooks = Map.copyOf(hooks);
    }

    ReplacementTaskSet replacementFor(EcsServiceId service, String targetGroup) {
        return new ReplacementTaskSet(service, taskDefinition, containerName, containerPort, targetGroup,
                platformVersion, network);
    }
}
