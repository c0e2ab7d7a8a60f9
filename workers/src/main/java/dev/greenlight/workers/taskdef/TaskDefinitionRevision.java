package dev.greenlight.workers.taskdef;

import dev.greenlight.workers.smoke.SmokeTags;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The next revision of a task definition: every field RegisterTaskDefinition accepts, copied from
 * what DescribeTaskDefinition returned, with one container's image replaced. The fields ECS sets
 * itself (ARN, revision, status, compatibilities, requiresAttributes, registeredAt/By) are not
 * passed back. No I/O.
 */
final class TaskDefinitionRevision {

    private TaskDefinitionRevision() {
    }

    /** @throws ContainerNotFound naming the containers there are */
    static RegisterTaskDefinitionRequest withImage(TaskDefinition current, List<Tag> tags, String container,
            String imageUri) {
        if (current.containerDefinitions().stream().noneMatch(c -> c.name().equals(container))) {
            throw new ContainerNotFound("container '" + container + "' is not in task definition "
                    + current.family() + ":" + current.revision() + ", which has "
                    + current.containerDefinitions().stream().map(c -> "'" + c.name() + "'")
                            .collect(Collectors.joining(", "))
                    + ": set config.container to the container that runs the image");
        }
        List<ContainerDefinition> containers = current.containerDefinitions().stream()
                .map(c -> c.name().equals(container) ? c.toBuilder().image(imageUri).build() : c)
                .toList();
        RegisterTaskDefinitionRequest.Builder next = RegisterTaskDefinitionRequest.builder()
                .family(current.family())
                .containerDefinitions(containers)
                .taskRoleArn(current.taskRoleArn())
                .executionRoleArn(current.executionRoleArn())
                .networkMode(current.networkMode())
                .cpu(current.cpu())
                .memory(current.memory())
                .pidMode(current.pidMode())
                .ipcMode(current.ipcMode())
                .proxyConfiguration(current.proxyConfiguration())
                .ephemeralStorage(current.ephemeralStorage())
                .runtimePlatform(current.runtimePlatform())
                .enableFaultInjection(current.enableFaultInjection());
        if (current.hasVolumes() && !current.volumes().isEmpty()) {
            next.volumes(current.volumes());
        }
        if (current.hasPlacementConstraints() && !current.placementConstraints().isEmpty()) {
            next.placementConstraints(current.placementConstraints());
        }
        if (current.hasRequiresCompatibilities() && !current.requiresCompatibilities().isEmpty()) {
            next.requiresCompatibilitiesWithStrings(current.requiresCompatibilitiesAsStrings());
        }
        if (current.hasInferenceAccelerators() && !current.inferenceAccelerators().isEmpty()) {
            next.inferenceAccelerators(current.inferenceAccelerators());
        }
        List<Tag> kept = tags == null ? List.of() : tags.stream()
                .filter(tag -> !tag.key().startsWith(SmokeTags.STATUS)).toList();
        if (!kept.isEmpty()) {
            next.tags(kept); // the last release's smoke report is not the next one's
        }
        return next.build();
    }
}
