package dev.greenlight.local.aws.ecs;

import java.util.List;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentController;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.Scale;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.StabilityStatus;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/** The state as the API shows it: counts are computed from the tasks at the moment of the call. */
final class Views {

    private final EcsState state;

    Views(EcsState state) {
        this.state = state;
    }

    Cluster cluster(ClusterState cluster) {
        List<TaskState> tasks = state.tasks.values().stream()
                .filter(task -> task.cluster().equals(cluster.name())).toList();
        return Cluster.builder()
                .clusterArn(cluster.arn())
                .clusterName(cluster.name())
                .status(cluster.active() ? "ACTIVE" : "INACTIVE")
                .activeServicesCount((int) state.services.values().stream()
                        .filter(service -> service.cluster().equals(cluster.name()) && service.active()).count())
                .runningTasksCount((int) tasks.stream().filter(TaskState::running).count())
                .pendingTasksCount((int) tasks.stream().filter(TaskState::pending).count())
                .registeredContainerInstancesCount(0)
                .build();
    }

    Service service(ServiceState service) {
        List<TaskSetState> sets = state.taskSetsOf(service);
        boolean asDeployments = service.controller() == DeploymentControllerType.ECS;
        return Service.builder()
                .serviceArn(service.arn())
                .serviceName(service.name())
                .clusterArn(EcsArns.cluster(service.cluster()))
                .status(service.status())
                .desiredCount(service.desiredCount())
                .runningCount(sets.stream().mapToInt(set -> running(set)).sum())
                .pendingCount(sets.stream().mapToInt(set -> pending(set)).sum())
                .launchType(LaunchType.FARGATE)
                .platformVersion(service.platformVersion())
                .platformFamily("Linux")
                .taskDefinition(service.taskDefinitionArn())
                .loadBalancers(service.loadBalancers())
                .networkConfiguration(service.network())
                .deploymentController(DeploymentController.builder().type(service.controller()).build())
                .deploymentConfiguration(service.deploymentConfiguration())
                .healthCheckGracePeriodSeconds(service.healthCheckGracePeriodSeconds())
                .schedulingStrategy("REPLICA")
                .createdAt(service.createdAt())
                .taskSets(asDeployments ? List.of() : sets.stream().map(this::taskSet).toList())
                .deployments(asDeployments ? sets.stream().map(this::deployment).toList() : List.of())
                .events(state.events.of(service.arn()))
                .build();
    }

    TaskSet taskSet(TaskSetState set) {
        ServiceState service = state.service(state.clusters.get(set.cluster()), set.service());
        return TaskSet.builder()
                .id(set.id())
                .taskSetArn(set.arn())
                .serviceArn(service.arn())
                .clusterArn(EcsArns.cluster(set.cluster()))
                .startedBy(set.startedBy())
                .externalId(set.externalId())
                .status(set.status())
                .taskDefinition(set.taskDefinitionArn())
                .computedDesiredCount(set.computedDesiredCount(service.desiredCount()))
                .pendingCount(pending(set))
                .runningCount(running(set))
                .createdAt(set.createdAt())
                .updatedAt(set.updatedAt())
                .launchType(LaunchType.FARGATE)
                .platformVersion(set.platformVersion())
                .platformFamily("Linux")
                .networkConfiguration(set.network())
                .loadBalancers(set.loadBalancers())
                .scale(Scale.builder().value(set.scalePercent()).unit(ScaleUnit.PERCENT).build())
                .stabilityStatus(set.stability())
                .stabilityStatusAt(set.stabilityAt())
                .build();
    }

    private Deployment deployment(TaskSetState set) {
        ServiceState service = state.service(state.clusters.get(set.cluster()), set.service());
        boolean steady = set.stability() == StabilityStatus.STEADY_STATE;
        return Deployment.builder()
                .id(set.id())
                .status(set.status())
                .taskDefinition(set.taskDefinitionArn())
                .desiredCount(set.computedDesiredCount(service.desiredCount()))
                .pendingCount(pending(set))
                .runningCount(running(set))
                .failedTasks(set.launchFailures())
                .createdAt(set.createdAt())
                .updatedAt(set.updatedAt())
                .launchType(LaunchType.FARGATE)
                .platformVersion(set.platformVersion())
                .networkConfiguration(set.network())
                .rolloutState(set.rolloutFailed() ? DeploymentRolloutState.FAILED
                        : set.primary() && steady ? DeploymentRolloutState.COMPLETED
                        : DeploymentRolloutState.IN_PROGRESS)
                .rolloutStateReason(set.rolloutFailure())
                .build();
    }

    Task task(TaskState task) {
        return Task.builder()
                .taskArn(task.arn())
                .clusterArn(EcsArns.cluster(task.cluster()))
                .taskDefinitionArn(task.taskDefinitionArn())
                .group(task.group())
                .startedBy(task.startedBy())
                .lastStatus(task.lastStatus())
                .desiredStatus(task.desiredStatus())
                .healthStatus(HealthStatus.UNKNOWN)
                .launchType(LaunchType.FARGATE)
                .platformVersion(task.platformVersion())
                .platformFamily("Linux")
                .cpu(task.cpu())
                .memory(task.memory())
                .createdAt(task.createdAt())
                .startedAt(task.startedAt())
                .stoppingAt(task.stoppedAt())
                .stoppedAt(task.stoppedAt())
                .executionStoppedAt(task.stoppedAt())
                .stopCode(task.stopCode())
                .stoppedReason(task.stoppedReason())
                .containers(task.containers().stream().map(container -> container(task, container)).toList())
                .build();
    }

    private static Container container(TaskState task, ContainerState container) {
        Container.Builder view = Container.builder()
                .containerArn(task.arn().replace(":task/", ":container/") + "/" + container.name())
                .taskArn(task.arn())
                .name(container.name())
                .image(container.image())
                .lastStatus(container.lastStatus())
                .exitCode(container.exitCode())
                .reason(container.reason())
                .healthStatus(HealthStatus.UNKNOWN);
        if (container.address() != null) {
            view.networkInterfaces(NetworkInterface.builder()
                    .attachmentId(task.id())
                    .privateIpv4Address(container.address().host())
                    .build());
            if (container.containerPort() != null) {
                view.networkBindings(NetworkBinding.builder()
                        .bindIP(container.address().host())
                        .containerPort(container.containerPort())
                        .hostPort(container.address().port())
                        .protocol("tcp")
                        .build());
            }
        }
        return view.build();
    }

    private int running(TaskSetState set) {
        return (int) state.tasksOf(set).stream().filter(TaskState::running).count();
    }

    private int pending(TaskSetState set) {
        return (int) state.tasksOf(set).stream().filter(TaskState::pending).count();
    }
}
