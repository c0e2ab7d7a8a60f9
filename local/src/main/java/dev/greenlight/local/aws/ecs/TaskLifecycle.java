package dev.greenlight.local.aws.ecs;

import dev.greenlight.local.aws.ecs.TaskLauncher.ContainerAddress;
import dev.greenlight.local.aws.ecs.TaskLauncher.ContainerLaunch;
import dev.greenlight.local.aws.ecs.TaskLauncher.ContainerListener;
import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * Moves tasks through PROVISIONING, PENDING, RUNNING and STOPPED: provisioning takes a while on the
 * clock, then the launcher starts each container; a task runs when all its containers run and
 * stops when an essential one exits. Running tasks of a task set are registered in its target groups.
 */
final class TaskLifecycle {

    /** Fargate's time to provision a task (ENI, capacity) before its containers start. */
    static final Duration PROVISIONING_TIME = Duration.ofSeconds(10);
    static final String ESSENTIAL_EXITED = "Essential container in task exited";

    private final EcsState state;
    private final Clock clock;
    private final TaskLauncher launcher;
    private final TargetRegistry targets;
    private final Consumer<TaskState> onRunning;
    private final Consumer<TaskState> onStoppedItself;

    TaskLifecycle(EcsState state, Clock clock, TaskLauncher launcher, TargetRegistry targets,
            Consumer<TaskState> onRunning, Consumer<TaskState> onStoppedItself) {
        this.state = state;
        this.clock = clock;
        this.launcher = launcher;
        this.targets = targets;
        this.onRunning = onRunning;
        this.onStoppedItself = onStoppedItself;
    }

    TaskState start(TaskDefinition definition, String cluster, String group, String startedBy, String taskSetId,
            String platformVersion) {
        String id = state.nextTaskId();
        List<ContainerState> containers = definition.containerDefinitions().stream()
                .map(container -> ContainerState.pending(container.name(), container.image(),
                        TaskDefinitionRules.essential(container), firstPort(container)))
                .toList();
        TaskState task = new TaskState(id, EcsArns.task(cluster, id), cluster, definition.taskDefinitionArn(), group,
                startedBy, taskSetId, definition.cpu(), definition.memory(), platformVersion,
                TaskStatus.PROVISIONING, TaskStatus.RUNNING, containers, clock.now(), null, null, null, null);
        state.put(task);
        clock.schedule(PROVISIONING_TIME, () -> locked(() -> launch(task.id(), definition)));
        return task;
    }

    TaskState stop(TaskState task, TaskStopCode code, String reason) {
        TaskState stopped = task.stopped(code, reason, clock.now());
        state.put(stopped);
        task.containers().stream()
                .filter(container -> container.lastStatus().equals(TaskStatus.RUNNING))
                .forEach(container -> launcher.stop(task.arn(), container.name()));
        if (task.running()) {
            registrations(task).forEach((targetGroup, address) -> targets.deregister(targetGroup, address));
        }
        return stopped;
    }

    private void launch(String taskId, TaskDefinition definition) {
        TaskState task = state.tasks.get(taskId);
        if (!task.live()) {
            return;
        }
        state.put(task.withLastStatus(TaskStatus.PENDING, null));
        for (ContainerDefinition container : definition.containerDefinitions()) {
            ContainerLaunch launch = new ContainerLaunch(task.arn(), container.name(), container.image(),
                    firstPort(container), environment(container), RuntimePlatforms.of(definition),
                    !container.command().isEmpty() || !container.entryPoint().isEmpty());
            launcher.start(launch, new Listener(taskId, container.name()));
        }
    }

    private void containerRunning(String taskId, String containerName, ContainerAddress address) {
        TaskState task = state.tasks.get(taskId);
        if (!task.live()) {
            launcher.stop(task.arn(), containerName);
            return;
        }
        TaskState updated = task.withContainer(container(task, containerName).running(address));
        if (updated.allContainersRunning()) {
            updated = updated.withLastStatus(TaskStatus.RUNNING, clock.now());
            state.put(updated);
            registrations(updated).forEach(targets::register);
            onRunning.accept(updated);
        } else {
            state.put(updated);
        }
    }

    private void containerExited(String taskId, String containerName, int exitCode, String reason) {
        TaskState task = state.tasks.get(taskId);
        ContainerState container = container(task, containerName);
        if (!task.live()) {
            return;
        }
        TaskState updated = task.withContainer(container.exited(exitCode, reason));
        state.put(updated);
        if (container.essential()) {
            onStoppedItself.accept(stop(updated, TaskStopCode.ESSENTIAL_CONTAINER_EXITED, ESSENTIAL_EXITED));
        }
    }

    /** A container whose image cannot be pulled stops its task with the pull error, whether essential or not. */
    private void containerFailedToStart(String taskId, String containerName, String reason) {
        TaskState task = state.tasks.get(taskId);
        if (!task.live()) {
            return;
        }
        TaskState updated = task.withContainer(container(task, containerName).exited(null, reason));
        state.put(updated);
        onStoppedItself.accept(stop(updated, TaskStopCode.TASK_FAILED_TO_START, reason));
    }

    /** The target group of each of the task set's load balancers, with the address of the container it names. */
    private Map<String, ContainerAddress> registrations(TaskState task) {
        TaskSetState set = task.taskSetId() == null ? null : state.taskSets.get(task.taskSetId());
        if (set == null) {
            return Map.of();
        }
        return set.loadBalancers().stream()
                .filter(balancer -> balancer.targetGroupArn() != null)
                .filter(balancer -> addressOf(task, balancer) != null)
                .collect(Collectors.toMap(LoadBalancer::targetGroupArn, balancer -> addressOf(task, balancer),
                        (first, second) -> first));
    }

    private static ContainerAddress addressOf(TaskState task, LoadBalancer balancer) {
        return task.containers().stream()
                .filter(container -> container.name().equals(balancer.containerName()))
                .map(ContainerState::address)
                .findFirst().orElse(null);
    }

    private static ContainerState container(TaskState task, String name) {
        return task.containers().stream().filter(container -> container.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static Integer firstPort(ContainerDefinition container) {
        return container.portMappings().isEmpty() ? null : container.portMappings().get(0).containerPort();
    }

    private static Map<String, String> environment(ContainerDefinition container) {
        return container.environment().stream()
                .collect(Collectors.toMap(KeyValuePair::name, KeyValuePair::value, (first, last) -> last));
    }

    private void locked(Runnable change) {
        synchronized (state) {
            change.run();
        }
    }

    /** Moves the fleet's answers onto the clock, where every state change happens. */
    private final class Listener implements ContainerListener {
        private final String taskId;
        private final String containerName;

        Listener(String taskId, String containerName) {
            this.taskId = taskId;
            this.containerName = containerName;
        }

        @Override
        public void running(ContainerAddress address) {
            clock.execute(() -> locked(() -> containerRunning(taskId, containerName, address)));
        }

        @Override
        public void exited(int exitCode, String reason) {
            clock.execute(() -> locked(() -> containerExited(taskId, containerName, exitCode, reason)));
        }

        @Override
        public void failedToStart(String reason) {
            clock.execute(() -> locked(() -> containerFailedToStart(taskId, containerName, reason)));
        }
    }
}
