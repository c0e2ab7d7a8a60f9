package dev.greenlight.local.aws.ecs;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * What CreateService, CreateTaskSet and RunTask check before anything starts on Fargate: the
 * launch type, the platform version, the task definition's compatibility, the network
 * configuration, and that each load balancer names a container port of the task definition.
 */
final class LaunchRules {

    static final String LATEST = "LATEST";
    private static final Set<String> PLATFORM_VERSIONS = Set.of(LATEST, "1.4.0", "1.3.0");

    private LaunchRules() {
    }

    /** The launch types other than Fargate need container instances, which the twin does not have. */
    static void checkLaunchType(LaunchType launchType) {
        if (launchType != null && launchType != LaunchType.FARGATE) {
            throw new UnsupportedOperationException("The ECS twin runs Fargate tasks only, not " + launchType);
        }
    }

    static String platformVersion(String requested, TaskDefinition definition) {
        String version = requested == null ? LATEST : requested;
        if (!PLATFORM_VERSIONS.contains(version)) {
            throw EcsErrors.platformUnknown();
        }
        // ARM64 tasks need platform version 1.4.0 or later.
        boolean arm = definition.runtimePlatform() != null
                && definition.runtimePlatform().cpuArchitecture() == CPUArchitecture.ARM64;
        if (arm && version.equals("1.3.0")) {
            throw EcsErrors.platformIncompatible();
        }
        return version;
    }

    static void checkFargate(TaskDefinition definition) {
        if (!definition.compatibilities().contains(Compatibility.FARGATE)) {
            throw EcsErrors.invalidParameter("Task definition does not support launch_type FARGATE.");
        }
    }

    static void checkNetwork(TaskDefinition definition, NetworkConfiguration network) {
        if (definition.networkMode() != NetworkMode.AWSVPC) {
            return;
        }
        if (network == null || network.awsvpcConfiguration() == null) {
            throw EcsErrors.invalidParameter(
                    "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        if (network.awsvpcConfiguration().subnets().isEmpty()) {
            throw EcsErrors.invalidParameter("subnets can not be empty.");
        }
    }

    static void checkLoadBalancers(TaskDefinition definition, List<LoadBalancer> loadBalancers) {
        for (LoadBalancer balancer : loadBalancers) {
            ContainerDefinition container = definition.containerDefinitions().stream()
                    .filter(candidate -> candidate.name().equals(balancer.containerName()))
                    .findFirst()
                    .orElseThrow(() -> EcsErrors.invalidParameter("The container " + balancer.containerName()
                            + " does not exist in the task definition."));
            boolean exposes = container.portMappings().stream()
                    .map(PortMapping::containerPort)
                    .anyMatch(port -> port.equals(balancer.containerPort()));
            if (!exposes) {
                throw EcsErrors.invalidParameter("The container " + balancer.containerName()
                        + " did not have a container port " + balancer.containerPort() + " defined.");
            }
        }
    }
}
