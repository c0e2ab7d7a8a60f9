package dev.greenlight.local.aws.ecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** A task: where it is in its lifecycle, its containers, and why it stopped. {@code taskSetId} is null for RunTask. */
record TaskState(String id, String arn, String cluster, String taskDefinitionArn, String group, String startedBy,
        String taskSetId, String cpu, String memory, String platformVersion, String lastStatus, String desiredStatus,
        List<ContainerState> containers, Instant createdAt, Instant startedAt, Instant stoppedAt,
        TaskStopCode stopCode, String stoppedReason) {

    boolean live() {
        return TaskStatus.RUNNING.equals(desiredStatus);
    }

    boolean running() {
        return TaskStatus.RUNNING.equals(lastStatus);
    }

    boolean pending() {
        return live() && !running();
    }

    TaskState withLastStatus(String status, Instant started) {
        return new TaskState(id, arn, cluster, taskDefinitionArn, group, startedBy, taskSetId, cpu, memory,
                platformVersion, status, desiredStatus, containers, createdAt, started, stoppedAt, stopCode,
                stoppedReason);
    }

    TaskState withContainer(ContainerState container) {
        List<ContainerState> updated = new ArrayList<>(containers);
        updated.replaceAll(existing -> existing.name().equals(container.name()) ? container : existing);
        return new TaskState(id, arn, cluster, taskDefinitionArn, group, startedBy, taskSetId, cpu, memory,
                platformVersion, lastStatus, desiredStatus, List.copyOf(updated), createdAt, startedAt, stoppedAt,
                stopCode, stoppedReason);
    }

    TaskState stopped(TaskStopCode code, String reason, Instant now) {
        List<ContainerState> ended = containers.stream()
                .map(container -> container.stopped() ? container : container.exited(null, null))
                .toList();
        return new TaskState(id, arn, cluster, taskDefinitionArn, group, startedBy, taskSetId, cpu, memory,
                platformVersion, TaskStatus.STOPPED, TaskStatus.STOPPED, ended, createdAt, startedAt, now, code,
                reason);
    }

    boolean allContainersRunning() {
        return containers.stream().allMatch(container -> TaskStatus.RUNNING.equals(container.lastStatus()));
    }
}
