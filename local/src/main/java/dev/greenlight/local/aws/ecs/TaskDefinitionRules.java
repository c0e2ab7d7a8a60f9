package dev.greenlight.local.aws.ecs;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/** RegisterTaskDefinition's validation, in the order that matters to a caller: the first broken rule is refused. */
final class TaskDefinitionRules {

    private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private TaskDefinitionRules() {
    }

    static void check(RegisterTaskDefinitionRequest request) {
        checkFamily(request.family());
        checkContainers(request.containerDefinitions());
        if (request.networkMode() == NetworkMode.AWSVPC) {
            request.containerDefinitions().forEach(TaskDefinitionRules::checkAwsvpcPorts);
        }
        if (request.requiresCompatibilities().contains(Compatibility.FARGATE)) {
            checkFargate(request);
        }
        checkContainerMemory(request);
    }

    /** Whether the definition can run on Fargate, so that {@code compatibilities} lists FARGATE. */
    static boolean fargateCompatible(RegisterTaskDefinitionRequest request) {
        if (request.networkMode() != NetworkMode.AWSVPC || request.cpu() == null || request.memory() == null) {
            return false;
        }
        OptionalInt cpu = FargateSize.cpuUnits(request.cpu());
        OptionalInt memory = FargateSize.memoryMiB(request.memory());
        return cpu.isPresent() && memory.isPresent()
                && FargateSize.offered(cpu.getAsInt(), memory.getAsInt(), windows(request));
    }

    private static void checkFamily(String family) {
        if (family == null || !FAMILY.matcher(family).matches()) {
            throw EcsErrors.client("Family contains invalid characters or is too long: up to 255 letters "
                    + "(uppercase and lowercase), numbers, hyphens, and underscores are allowed.");
        }
    }

    private static void checkContainers(List<ContainerDefinition> containers) {
        if (containers.isEmpty()) {
            throw EcsErrors.client("Container list cannot be empty.");
        }
        Set<String> names = new HashSet<>();
        for (ContainerDefinition container : containers) {
            if (container.name() == null || container.name().isBlank()) {
                throw EcsErrors.client("Container.name should not be null or empty.");
            }
            if (container.image() == null || container.image().isBlank()) {
                throw EcsErrors.client("Container.image should not be null or empty.");
            }
            if (!names.add(container.name())) {
                throw EcsErrors.client("Duplicate container names are not allowed: '" + container.name() + "'.");
            }
        }
        if (containers.stream().noneMatch(TaskDefinitionRules::essential)) {
            throw EcsErrors.client("A task definition must have at least one essential container.");
        }
    }

    private static void checkAwsvpcPorts(ContainerDefinition container) {
        for (PortMapping mapping : container.portMappings()) {
            if (mapping.hostPort() != null && !mapping.hostPort().equals(mapping.containerPort())) {
                throw EcsErrors.client(
                        "When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
            }
        }
    }

    private static void checkFargate(RegisterTaskDefinitionRequest request) {
        if (request.cpu() == null) {
            throw EcsErrors.client("Fargate requires that 'cpu' be defined at the task level.");
        }
        if (request.memory() == null) {
            throw EcsErrors.client("Fargate requires that 'memory' be defined at the task level.");
        }
        if (request.networkMode() != NetworkMode.AWSVPC) {
            throw EcsErrors.client("Fargate only supports network mode \u2018awsvpc\u2019.");
        }
        if (!fargateCompatible(request)) {
            throw EcsErrors.client("No Fargate configuration exists for given values: " + request.cpu() + " CPU, "
                    + request.memory() + " memory. See the Amazon ECS documentation for the valid values.");
        }
        boolean awslogs = request.containerDefinitions().stream()
                .anyMatch(c -> c.logConfiguration() != null && c.logConfiguration().logDriver() == LogDriver.AWSLOGS);
        if (awslogs && request.executionRoleArn() == null) {
            throw EcsErrors.client("Fargate requires task definition to have execution role ARN to support log driver "
                    + "awslogs.");
        }
    }

    private static void checkContainerMemory(RegisterTaskDefinitionRequest request) {
        OptionalInt taskMemory = request.memory() == null ? OptionalInt.empty() : FargateSize.memoryMiB(request.memory());
        for (ContainerDefinition container : request.containerDefinitions()) {
            if (taskMemory.isPresent() && container.memory() != null && container.memory() > taskMemory.getAsInt()) {
                throw EcsErrors.client("The 'memory' setting for container '" + container.name()
                        + "' is greater than for the task.");
            }
            if (taskMemory.isEmpty() && container.memory() == null && container.memoryReservation() == null) {
                throw EcsErrors.client("Invalid setting for container '" + container.name()
                        + "'. At least one of 'memory' or 'memoryReservation' must be specified.");
            }
        }
    }

    static boolean essential(ContainerDefinition container) {
        return container.essential() == null || container.essential();
    }

    private static boolean windows(RegisterTaskDefinitionRequest request) {
        return request.runtimePlatform() != null && request.runtimePlatform().operatingSystemFamilyAsString() != null
                && request.runtimePlatform().operatingSystemFamilyAsString().startsWith("WINDOWS");
    }
}
