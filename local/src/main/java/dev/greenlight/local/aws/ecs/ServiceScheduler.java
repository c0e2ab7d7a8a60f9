package dev.greenlight.local.aws.ecs;

import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.StabilityStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * ECS's service scheduler: keeps each task set at its computed desired count, replaces tasks that
 * stop on their own (throttled), reports stability, and, for ECS-controlled services, retires
 * older deployments once the primary one is steady.
 */
final class ServiceScheduler {

    private final EcsState state;
    private final Clock clock;
    private final TaskLifecycle lifecycle;

    ServiceScheduler(EcsState state, Clock clock, TaskLauncher launcher, TargetRegistry targets) {
        this.state = state;
        this.clock = clock;
        this.lifecycle = new TaskLifecycle(state, clock, launcher, targets, this::taskRunning, this::taskFailed);
    }

    TaskLifecycle lifecycle() {
        return lifecycle;
    }

    void reconcile(ServiceState service) {
        state.taskSetsOf(service).forEach(set -> reconcile(set.id()));
    }

    void reconcile(String taskSetId) {
        TaskSetState set = state.taskSets.get(taskSetId);
        if (set == null) {
            return;
        }
        ServiceState service = serviceOf(set);
        List<TaskState> live = state.tasksOf(set).stream().filter(TaskState::live).toList();
        int desired = set.computedDesiredCount(service.desiredCount());
        if (live.size() > desired) {
            scaleIn(service, set, live, live.size() - desired);
        } else if (live.size() < desired) {
            scaleOut(service, set, desired - live.size());
        }
        if (set.draining() && state.tasksOf(set).stream().noneMatch(TaskState::live)) {
            state.taskSets.remove(set.id());
            state.tags.remove(set.arn()); // AWS deletes a resource's tags with it
            return;
        }
        assessStability(set.id());
    }

    private void scaleOut(ServiceState service, TaskSetState set, int count) {
        if (set.rolloutFailed()) {
            return; // a deployment the circuit breaker failed launches no more tasks
        }
        Instant now = clock.now();
        if (set.nextLaunchAt() != null && now.isBefore(set.nextLaunchAt())) {
            clock.schedule(Duration.between(now, set.nextLaunchAt()), () -> locked(() -> reconcile(set.id())));
            return;
        }
        TaskDefinition definition = state.taskDefinitions.describe(set.taskDefinitionArn());
        List<TaskState> started = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> lifecycle.start(definition, set.cluster(), "service:" + service.name(), set.id(),
                        set.id(), set.platformVersion()))
                .toList();
        state.events.add(service.arn(), who(service, set) + " has started " + count + " tasks: "
                + started.stream().map(task -> "(task " + task.id() + ")").collect(Collectors.joining(" ")) + ".",
                now);
    }

    private void scaleIn(ServiceState service, TaskSetState set, List<TaskState> live, int count) {
        List<TaskState> surplus = live.stream()
                .sorted(Comparator.comparing(TaskState::running).thenComparing(TaskState::createdAt,
                        Comparator.reverseOrder()))
                .limit(count)
                .toList();
        String reason = set.draining() ? "Task set " + set.id() + " is being deleted"
                : "Scaling activity initiated by (deployment " + set.id() + ")";
        surplus.forEach(task -> lifecycle.stop(task, TaskStopCode.SERVICE_SCHEDULER_INITIATED, reason));
        state.events.add(service.arn(), who(service, set) + " has stopped " + count + " running tasks: "
                + surplus.stream().map(task -> "(task " + task.id() + ")").collect(Collectors.joining(" ")) + ".",
                clock.now());
    }

    private void taskRunning(TaskState task) {
        if (task.taskSetId() != null) {
            assessStability(task.taskSetId());
        }
    }

    /** A task of a set stopped on its own: the set is unstable and its replacement waits its turn. */
    private void taskFailed(TaskState task) {
        TaskSetState set = task.taskSetId() == null ? null : state.taskSets.get(task.taskSetId());
        if (set == null) {
            return;
        }
        Duration wait = RestartThrottle.delay(set.launchFailures() + 1);
        TaskSetState failed = set.withLaunchFailure(clock.now().plus(wait));
        state.put(failed);
        tripCircuitBreaker(failed);
        assessStability(set.id());
        clock.schedule(wait, () -> locked(() -> reconcile(set.id())));
    }

    /**
     * A rolling deployment (ECS controller, not blue/green) with the circuit breaker on fails once as
     * many of its tasks failed as the breaker's threshold; the wording of the deployment's reason and
     * of the service event is as ECS reports them (the Developer Guide does not publish it). Rolling
     * back to the last completed deployment is left out: the twin fails the deployment either way.
     */
    private void tripCircuitBreaker(TaskSetState set) {
        ServiceState service = serviceOf(set);
        var breaker = service.deploymentConfiguration() == null ? null
                : service.deploymentConfiguration().deploymentCircuitBreaker();
        if (service.controller() != DeploymentControllerType.ECS || service.blueGreen() || !set.primary()
                || set.rolloutFailed() || breaker == null || !Boolean.TRUE.equals(breaker.enable())
                || set.launchFailures() < BlueGreenRun.failureThreshold(service.desiredCount())) {
            return;
        }
        state.put(set.withRolloutFailure("ECS deployment circuit breaker: tasks failed to start.", clock.now()));
        state.events.add(service.arn(), "(service " + service.name() + ") (deployment " + set.id()
                + ") deployment failed: tasks failed to start.", clock.now());
    }

    private void assessStability(String taskSetId) {
        TaskSetState set = state.taskSets.get(taskSetId);
        if (set == null) {
            return;
        }
        ServiceState service = serviceOf(set);
        List<TaskState> tasks = state.tasksOf(set);
        StabilityStatus stability = Stability.of(set.computedDesiredCount(service.desiredCount()),
                count(tasks, TaskState::running), count(tasks, TaskState::pending));
        if (stability != set.stability()) {
            state.put(set.withStability(stability, clock.now()));
        }
        if (stability == StabilityStatus.STEADY_STATE) {
            serviceSteady(service);
        }
    }

    private void serviceSteady(ServiceState service) {
        List<TaskSetState> sets = state.taskSetsOf(service);
        // A blue/green deployment keeps blue until its own clean-up stage.
        if (service.controller() == DeploymentControllerType.ECS && !service.blueGreen()
                && sets.stream().anyMatch(set -> set.primary() && set.stability() == StabilityStatus.STEADY_STATE)) {
            sets.stream().filter(set -> !set.primary() && !set.draining()).forEach(old -> {
                state.put(old.withStatus(TaskSetState.DRAINING, clock.now()));
                reconcile(old.id());
            });
        }
        boolean allSteady = state.taskSetsOf(service).stream()
                .allMatch(set -> set.stability() == StabilityStatus.STEADY_STATE);
        String message = "(service " + service.name() + ") has reached a steady state.";
        if (allSteady && !message.equals(state.events.latest(service.arn()))) {
            state.events.add(service.arn(), message, clock.now());
        }
    }

    private ServiceState serviceOf(TaskSetState set) {
        return state.service(state.clusters.get(set.cluster()), set.service());
    }

    private static String who(ServiceState service, TaskSetState set) {
        return service.controller() == DeploymentControllerType.ECS ? "(service " + service.name() + ")"
                : "(service " + service.name() + ", taskSet " + set.id() + ")";
    }

    private static int count(List<TaskState> tasks, java.util.function.Predicate<TaskState> which) {
        return (int) tasks.stream().filter(which).count();
    }

    private void locked(Runnable change) {
        synchronized (state) {
            change.run();
        }
    }
}
