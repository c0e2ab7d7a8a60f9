package dev.greenlight.local.aws.codedeploy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigInfo;

/** A deployment configuration of the ECS compute platform, predefined or custom. */
record DeploymentConfig(String name, String id, Instant createTime, TrafficRouting routing) {

    static final String ECS_ALL_AT_ONCE = "CodeDeployDefault.ECSAllAtOnce";

    /** CodeDeploy's predefined ECS configurations. */
    static List<DeploymentConfig> predefined(Instant createTime) {
        return List.of(
                of(ECS_ALL_AT_ONCE, createTime, new TrafficRouting.AllAtOnce()),
                of("CodeDeployDefault.ECSCanary10Percent5Minutes", createTime, new TrafficRouting.Canary(10, 5)),
                of("CodeDeployDefault.ECSCanary10Percent15Minutes", createTime, new TrafficRouting.Canary(10, 15)),
                of("CodeDeployDefault.ECSLinear10PercentEvery1Minutes", createTime, new TrafficRouting.Linear(10, 1)),
                of("CodeDeployDefault.ECSLinear10PercentEvery3Minutes", createTime, new TrafficRouting.Linear(10, 3)));
    }

    static DeploymentConfig of(String name, Instant createTime, TrafficRouting routing) {
        return new DeploymentConfig(name, UUID.nameUUIDFromBytes(name.getBytes()).toString(), createTime, routing);
    }

    DeploymentConfigInfo toSdk() {
        return DeploymentConfigInfo.builder()
                .deploymentConfigName(name)
                .deploymentConfigId(id)
                .createTime(createTime)
                .computePlatform(ComputePlatform.ECS)
                .trafficRoutingConfig(routing.toSdk())
                .build();
    }
}
