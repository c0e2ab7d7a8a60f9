package dev.greenlight.local.aws.ecs;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;

/**
 * A service's settings. Its tasks belong to task sets: for CODE_DEPLOY and EXTERNAL services
 * these are the task sets AWS shows; for ECS services they are shown as deployments.
 */
record ServiceState(String cluster, String name, String arn, String status, DeploymentControllerType controller,
        String taskDefinitionArn, int desiredCount, List<LoadBalancer> loadBalancers, NetworkConfiguration network,
        String platformVersion, Integer healthCheckGracePeriodSeconds, DeploymentConfiguration deploymentConfiguration,
        Instant createdAt) {

    static final String ACTIVE = "ACTIVE";
    static final String DRAINING = "DRAINING";
    static final String INACTIVE = "INACTIVE";

    boolean active() {
        return ACTIVE.equals(status);
    }

    /** An ECS-controlled service whose deployments shift traffic (BLUE_GREEN, CANARY or LINEAR) rather than roll. */
    boolean blueGreen() {
        return controller == DeploymentControllerType.ECS && BlueGreenRules.shiftsTraffic(deploymentConfiguration);
    }

    ServiceState withStatus(String newStatus) {
        return new ServiceState(cluster, name, arn, newStatus, controller, taskDefinitionArn, desiredCount,
                loadBalancers, network, platformVersion, healthCheckGracePeriodSeconds, deploymentConfiguration,
                createdAt);
    }

    ServiceState withDesiredCount(int count) {
        return new ServiceState(cluster, name, arn, status, controller, taskDefinitionArn, count, loadBalancers,
                network, platformVersion, healthCheckGracePeriodSeconds, deploymentConfiguration, createdAt);
    }

    /** What an ECS-controlled service's next deployment runs. */
    ServiceState withRollout(String definitionArn, NetworkConfiguration newNetwork, String newPlatformVersion) {
        return new ServiceState(cluster, name, arn, status, controller, definitionArn, desiredCount, loadBalancers,
                newNetwork, newPlatformVersion, healthCheckGracePeriodSeconds, deploymentConfiguration, createdAt);
    }

    ServiceState withTaskDefinition(String definitionArn) {
        return new ServiceState(cluster, name, arn, status, controller, definitionArn, desiredCount, loadBalancers,
                network, platformVersion, healthCheckGracePeriodSeconds, deploymentConfiguration, createdAt);
    }

    ServiceState withSettings(Integer gracePeriod, DeploymentConfiguration configuration) {
        return new ServiceState(cluster, name, arn, status, controller, taskDefinitionArn, desiredCount, loadBalancers,
                network, platformVersion, gracePeriod, configuration, createdAt);
    }
}
