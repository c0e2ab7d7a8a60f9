package dev.greenlight.local.aws.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** RunTask, StopTask, ListTasks and DescribeTasks. */
final class TaskOperations {

    private final EcsState state;
    private final ServiceScheduler scheduler;
    private final Views views;

    TaskOperations(EcsState state, ServiceScheduler scheduler, Views views) {
        this.state = state;
        this.scheduler = scheduler;
        this.views = views;
    }

    RunTaskResponse run(RunTaskRequest request) {
        ClusterState cluster = state.cluster(request.cluster());
        LaunchRules.checkLaunchType(request.launchType());
        TaskDefinition definition = state.taskDefinitions.forLaunch(request.taskDefinition());
        LaunchRules.checkFargate(definition);
        String platformVersion = LaunchRules.platformVersion(request.platformVersion(), definition);
        LaunchRules.checkNetwork(definition, request.networkConfiguration());
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > 10) {
            throw EcsErrors.invalidParameter("Count must be between 1 and 10.");
        }
        String group = request.group() == null ? "family:" + definition.family() : request.group();
        List<Task> started = IntStream.range(0, count)
                .mapToObj(i -> scheduler.lifecycle().start(definition, cluster.name(), group, request.startedBy(),
                        null, platformVersion))
                .map(views::task)
                .toList();
        return RunTaskResponse.builder().tasks(started).failures(List.of()).build();
    }

    /** A task of a service is replaced by the scheduler, as AWS replaces tasks stopped by hand. */
    StopTaskResponse stop(StopTaskRequest request) {
        ClusterState cluster = state.cluster(request.cluster());
        TaskState task = find(cluster, request.task());
        if (task == null) {
            throw EcsErrors.invalidParameter("The referenced task was not found.");
        }
        if (!task.live()) {
            return StopTaskResponse.builder().task(views.task(task)).build();
        }
        String reason = request.reason() == null ? "Task stopped by user" : request.reason();
        TaskState stopped = scheduler.lifecycle().stop(task, TaskStopCode.USER_INITIATED, reason);
        if (task.taskSetId() != null) {
            scheduler.reconcile(task.taskSetId());
        }
        return StopTaskResponse.builder().task(views.task(stopped)).build();
    }

    ListTasksResponse list(ListTasksRequest request) {
        ClusterState cluster = state.cluster(request.cluster());
        String group = request.serviceName() == null ? null
                : "service:" + state.service(cluster, request.serviceName()).name();
        String family = request.family() == null ? null : "family:" + request.family();
        boolean wantRunning = request.desiredStatus() == null || request.desiredStatus() == DesiredStatus.RUNNING;
        boolean wantStopped = request.desiredStatus() == DesiredStatus.STOPPED;
        List<String> arns = state.tasks.values().stream()
                .filter(task -> task.cluster().equals(cluster.name()))
                .filter(task -> group == null || group.equals(task.group()))
                .filter(task -> family == null || task.taskDefinitionArn().contains(":task-definition/"
                        + request.family() + ":"))
                .filter(task -> request.startedBy() == null || request.startedBy().equals(task.startedBy()))
                .filter(task -> wantRunning && task.live() || wantStopped && !task.live())
                .map(TaskState::arn)
                .toList();
        ListPage<String> page = ListPage.of(arns, request.nextToken(), request.maxResults(), 100);
        return ListTasksResponse.builder().taskArns(page.items()).nextToken(page.nextToken()).build();
    }

    DescribeTasksResponse describe(DescribeTasksRequest request) {
        ClusterState cluster = state.cluster(request.cluster());
        if (request.tasks().isEmpty()) {
            throw EcsErrors.invalidParameter("Tasks cannot be empty.");
        }
        List<Task> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String idOrArn : request.tasks()) {
            TaskState task = find(cluster, idOrArn);
            if (task == null) {
                failures.add(Failure.builder().arn(idOrArn.startsWith("arn:") ? idOrArn
                        : EcsArns.task(cluster.name(), idOrArn)).reason("MISSING").build());
            } else {
                found.add(views.task(task));
            }
        }
        return DescribeTasksResponse.builder().tasks(found).failures(failures).build();
    }

    private TaskState find(ClusterState cluster, String idOrArn) {
        TaskState task = state.tasks.get(EcsArns.name(idOrArn));
        return task != null && task.cluster().equals(cluster.name()) ? task : null;
    }
}
