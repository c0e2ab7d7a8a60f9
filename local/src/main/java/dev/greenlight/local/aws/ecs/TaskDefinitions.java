package dev.greenlight.local.aws.ecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

/** Task definition families and their revisions, which count up per family and are never reused. */
final class TaskDefinitions {

    private final Map<String, List<TaskDefinition>> families = new LinkedHashMap<>();

    TaskDefinition register(RegisterTaskDefinitionRequest request, Instant now) {
        TaskDefinitionRules.check(request);
        List<TaskDefinition> revisions = families.computeIfAbsent(request.family(), family -> new ArrayList<>());
        int revision = revisions.size() + 1;
        TaskDefinition definition = TaskDefinition.builder()
                .taskDefinitionArn(EcsArns.taskDefinition(request.family(), revision))
                .family(request.family())
                .revision(revision)
                .status(TaskDefinitionStatus.ACTIVE)
                .containerDefinitions(request.containerDefinitions().stream()
                        .map(container -> withDefaults(container, request.networkMode())).toList())
                .networkMode(request.networkMode() == null ? NetworkMode.BRIDGE : request.networkMode())
                .requiresCompatibilities(request.requiresCompatibilities())
                .compatibilities(TaskDefinitionRules.fargateCompatible(request)
                        ? List.of(Compatibility.EC2, Compatibility.FARGATE) : List.of(Compatibility.EC2))
                .cpu(units(request.cpu(), FargateSize.cpuUnits(request.cpu() == null ? "" : request.cpu())))
                .memory(units(request.memory(),
                        FargateSize.memoryMiB(request.memory() == null ? "" : request.memory())))
                .runtimePlatform(request.runtimePlatform())
                .executionRoleArn(request.executionRoleArn())
                .taskRoleArn(request.taskRoleArn())
                .registeredAt(now)
                .build();
        revisions.add(definition);
        return definition;
    }

    /** By family (its latest ACTIVE revision), {@code family:revision} or ARN (any status). */
    TaskDefinition describe(String reference) {
        return find(reference).orElseThrow(EcsErrors::unknownTaskDefinition);
    }

    /** As {@link #describe}, for starting tasks: an INACTIVE revision runs nothing new. */
    TaskDefinition forLaunch(String reference) {
        TaskDefinition definition = describe(reference);
        if (definition.status() == TaskDefinitionStatus.INACTIVE) {
            throw EcsErrors.invalidParameter("TaskDefinition is inactive");
        }
        return definition;
    }

    TaskDefinition deregister(String reference) {
        String resource = EcsArns.taskDefinitionReference(reference);
        if (!resource.contains(":")) {
            throw EcsErrors.client("Revision is missing.");
        }
        TaskDefinition definition = describe(reference);
        TaskDefinition inactive = definition.toBuilder().status(TaskDefinitionStatus.INACTIVE).build();
        families.get(definition.family()).set(definition.revision() - 1, inactive);
        return inactive;
    }

    List<String> list(String familyPrefix, TaskDefinitionStatus status, boolean descending) {
        Comparator<TaskDefinition> order = Comparator.comparing(TaskDefinition::family)
                .thenComparing(TaskDefinition::revision);
        return families.values().stream()
                .flatMap(List::stream)
                .filter(definition -> familyPrefix == null || definition.family().startsWith(familyPrefix))
                .filter(definition -> status == null || definition.status() == status)
                .sorted(descending ? order.reversed() : order)
                .map(TaskDefinition::taskDefinitionArn)
                .toList();
    }

    /**
     * Family names in order: ACTIVE ones have an ACTIVE revision, INACTIVE ones none; without a
     * status (or ALL) every family, as ListTaskDefinitionFamilies documents.
     */
    List<String> families(String familyPrefix, TaskDefinitionFamilyStatus status) {
        return families.entrySet().stream()
                .filter(entry -> familyPrefix == null || entry.getKey().startsWith(familyPrefix))
                .filter(entry -> {
                    boolean active = entry.getValue().stream().anyMatch(d -> d.status() == TaskDefinitionStatus.ACTIVE);
                    return status == null || status == TaskDefinitionFamilyStatus.ALL
                            || (status == TaskDefinitionFamilyStatus.ACTIVE) == active;
                })
                .map(java.util.Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Whether {@code family:revision} (or an ARN) was ever registered. */
    boolean exists(String reference) {
        return find(reference).isPresent();
    }

    private Optional<TaskDefinition> find(String reference) {
        String resource = EcsArns.taskDefinitionReference(reference);
        int colon = resource.lastIndexOf(':');
        if (colon < 0) {
            return families.getOrDefault(resource, List.of()).stream()
                    .filter(definition -> definition.status() == TaskDefinitionStatus.ACTIVE)
                    .reduce((earlier, later) -> later);
        }
        List<TaskDefinition> revisions = families.getOrDefault(resource.substring(0, colon), List.of());
        try {
            int revision = Integer.parseInt(resource.substring(colon + 1));
            return revision >= 1 && revision <= revisions.size()
                    ? Optional.of(revisions.get(revision - 1)) : Optional.empty();
        } catch (NumberFormatException notRevision) {
            return Optional.empty();
        }
    }

    /** AWS stores {@code "1 vCPU"} and {@code "2 GB"} as {@code "1024"} and {@code "2048"}. */
    private static String units(String given, java.util.OptionalInt parsed) {
        return given == null || parsed.isEmpty() ? given : String.valueOf(parsed.getAsInt());
    }

    /** What AWS fills in on registration: essential true, cpu 0, tcp, and awsvpc host ports equal to container ports. */
    private static ContainerDefinition withDefaults(ContainerDefinition container, NetworkMode mode) {
        List<PortMapping> ports = container.portMappings().stream()
                .map(mapping -> mapping.toBuilder()
                        .hostPort(mapping.hostPort() == null && mode == NetworkMode.AWSVPC
                                ? mapping.containerPort() : mapping.hostPort())
                        .protocol(mapping.protocol() == null ? TransportProtocol.TCP.toString()
                                : mapping.protocolAsString())
                        .build())
                .toList();
        return container.toBuilder()
                .essential(TaskDefinitionRules.essential(container))
                .cpu(container.cpu() == null ? 0 : container.cpu())
                .portMappings(ports)
                .build();
    }
}
