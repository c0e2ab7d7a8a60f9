package dev.greenlight.local.aws.ecs;

import dev.greenlight.local.clock.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetResponse;

/**
 * The Amazon ECS twin, Fargate only: clusters, task definitions, services with the ECS,
 * CODE_DEPLOY or EXTERNAL deployment controller, task sets and tasks. Tasks run on the fleet
 * through the {@link TaskLauncher}; a task set's running tasks are registered in its target
 * groups through the {@link TargetRegistry}.
 *
 * <p>{@link #asCodeDeploy()} is the same twin as CodeDeploy's service principal sees it: it may
 * manage the task sets of CODE_DEPLOY services, which AWS refuses to anyone else.
 */
public final class EcsTwin implements EcsClient {

    private final Clock clock;
    private final EcsState state;
    private final Caller caller;
    private final ClusterOperations clusters;
    private final ServiceOperations services;
    private final TaskSetOperations taskSets;
    private final TaskOperations tasks;
    private final TagOperations tags;
    private final ServiceDeploymentOperations deployments;

    /** Without Lambda, load balancer or CloudWatch: blue/green deployments are refused ({@link BlueGreenPorts#NONE}). */
    public EcsTwin(Clock clock, TaskLauncher launcher, TargetRegistry targets) {
        this(clock, launcher, targets, BlueGreenPorts.NONE);
    }

    /** @param blueGreen what an ECS-native blue/green deployment calls: hooks, listener rules, alarms */
    public EcsTwin(Clock clock, TaskLauncher launcher, TargetRegistry targets, BlueGreenPorts blueGreen) {
        this(Objects.requireNonNull(clock, "clock"), new EcsState(), Caller.ACCOUNT,
                Objects.requireNonNull(launcher, "launcher"), Objects.requireNonNull(targets, "targets"),
                Objects.requireNonNull(blueGreen, "blueGreen"), null);
    }

    private EcsTwin(Clock clock, EcsState state, Caller caller, TaskLauncher launcher, TargetRegistry targets,
            BlueGreenPorts blueGreen, EcsTwin sameState) {
        this.clock = clock;
        this.state = state;
        this.caller = caller;
        if (sameState != null) {
            this.clusters = sameState.clusters;
            this.services = sameState.services;
            this.taskSets = sameState.taskSets;
            this.tasks = sameState.tasks;
            this.tags = sameState.tags;
            this.deployments = sameState.deployments;
            return;
        }
        ServiceScheduler scheduler = new ServiceScheduler(state, clock, launcher, targets);
        Views views = new Views(state);
        this.clusters = new ClusterOperations(state, views);
        this.services = new ServiceOperations(state, clock, scheduler, views, blueGreen);
        this.deployments = new ServiceDeploymentOperations(state);
        this.tags = new TagOperations(state);
        this.taskSets = new TaskSetOperations(state, clock, scheduler, views, tags);
        this.tasks = new TaskOperations(state, scheduler, views);
    }

    /** This twin as CodeDeploy calls it, for the CodeDeploy twin's ECS port. */
    public EcsClient asCodeDeploy() {
        return new EcsTwin(clock, state, Caller.CODE_DEPLOY, null, null, null, this);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // Nothing to release: the state lives as long as the twin.
    }

    @Override
    public CreateClusterResponse createCluster(CreateClusterRequest request) {
        return locked(() -> clusters.create(request));
    }

    @Override
    public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
        return locked(() -> clusters.describe(request));
    }

    @Override
    public DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
        return locked(() -> clusters.delete(request));
    }

    @Override
    public RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest request) {
        return locked(() -> RegisterTaskDefinitionResponse.builder()
                .taskDefinition(state.taskDefinitions.register(request, clock.now())).build());
    }

    @Override
    public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
        return locked(() -> {
            TaskDefinition definition = state.taskDefinitions.describe(request.taskDefinition());
            DescribeTaskDefinitionResponse.Builder response = DescribeTaskDefinitionResponse.builder()
                    .taskDefinition(definition);
            if (request.include().contains(TaskDefinitionField.TAGS)) {
                response.tags(tags.tagsOf(definition.taskDefinitionArn()));
            }
            return response.build();
        });
    }

    @Override
    public ListTaskDefinitionsResponse listTaskDefinitions(ListTaskDefinitionsRequest request) {
        TaskDefinitionStatus status = request.status() == null ? TaskDefinitionStatus.ACTIVE : request.status();
        return locked(() -> {
            ListPage<String> page = ListPage.of(state.taskDefinitions.list(request.familyPrefix(), status,
                    request.sort() == SortOrder.DESC), request.nextToken(), request.maxResults(), 100);
            return ListTaskDefinitionsResponse.builder().taskDefinitionArns(page.items()).nextToken(page.nextToken())
                    .build();
        });
    }

    @Override
    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request) {
        return locked(() -> {
            ListPage<String> page = ListPage.of(state.taskDefinitions.families(request.familyPrefix(),
                    request.status()), request.nextToken(), request.maxResults(), 100);
            return ListTaskDefinitionFamiliesResponse.builder().families(page.items()).nextToken(page.nextToken())
                    .build();
        });
    }

    @Override
    public ListClustersResponse listClusters(ListClustersRequest request) {
        return locked(() -> {
            List<String> arns = state.clusters.values().stream().filter(ClusterState::active)
                    .map(ClusterState::arn).toList();
            ListPage<String> page = ListPage.of(arns, request.nextToken(), request.maxResults(), 100);
            return ListClustersResponse.builder().clusterArns(page.items()).nextToken(page.nextToken()).build();
        });
    }

    /**
     * ACTIVE and DRAINING services of the cluster (the default one when none is named); ten a page
     * by default. Every service of the twin is a Fargate replica service, which the filters select.
     */
    @Override
    public ListServicesResponse listServices(ListServicesRequest request) {
        return locked(() -> {
            ClusterState cluster = state.cluster(request.cluster());
            boolean wantsFargate = request.launchType() == null || request.launchType() == LaunchType.FARGATE;
            boolean wantsReplica = request.schedulingStrategy() == null
                    || request.schedulingStrategy() == SchedulingStrategy.REPLICA;
            List<String> arns = state.services.values().stream()
                    .filter(service -> service.cluster().equals(cluster.name()))
                    .filter(service -> !ServiceState.INACTIVE.equals(service.status()))
                    .filter(service -> wantsFargate && wantsReplica)
                    .map(ServiceState::arn).toList();
            ListPage<String> page = ListPage.of(arns, request.nextToken(), request.maxResults(), 10);
            return ListServicesResponse.builder().serviceArns(page.items()).nextToken(page.nextToken()).build();
        });
    }

    @Override
    public DeregisterTaskDefinitionResponse deregisterTaskDefinition(DeregisterTaskDefinitionRequest request) {
        return locked(() -> DeregisterTaskDefinitionResponse.builder()
                .taskDefinition(state.taskDefinitions.deregister(request.taskDefinition())).build());
    }

    @Override
    public CreateServiceResponse createService(CreateServiceRequest request) {
        return locked(() -> services.create(request));
    }

    @Override
    public DescribeServicesResponse describeServices(DescribeServicesRequest request) {
        return locked(() -> services.describe(request));
    }

    @Override
    public UpdateServiceResponse updateService(UpdateServiceRequest request) {
        return locked(() -> services.update(request));
    }

    @Override
    public DeleteServiceResponse deleteService(DeleteServiceRequest request) {
        return locked(() -> services.delete(request));
    }

    @Override
    public ListServiceDeploymentsResponse listServiceDeployments(ListServiceDeploymentsRequest request) {
        return locked(() -> deployments.list(request));
    }

    @Override
    public DescribeServiceDeploymentsResponse describeServiceDeployments(DescribeServiceDeploymentsRequest request) {
        return locked(() -> deployments.describe(request));
    }

    @Override
    public DescribeServiceRevisionsResponse describeServiceRevisions(DescribeServiceRevisionsRequest request) {
        return locked(() -> deployments.describeRevisions(request));
    }

    @Override
    public StopServiceDeploymentResponse stopServiceDeployment(StopServiceDeploymentRequest request) {
        return locked(() -> deployments.stop(request));
    }

    @Override
    public CreateTaskSetResponse createTaskSet(CreateTaskSetRequest request) {
        return locked(() -> taskSets.create(request, caller));
    }

    @Override
    public DescribeTaskSetsResponse describeTaskSets(DescribeTaskSetsRequest request) {
        return locked(() -> taskSets.describe(request));
    }

    @Override
    public UpdateTaskSetResponse updateTaskSet(UpdateTaskSetRequest request) {
        return locked(() -> taskSets.update(request, caller));
    }

    @Override
    public UpdateServicePrimaryTaskSetResponse updateServicePrimaryTaskSet(
            UpdateServicePrimaryTaskSetRequest request) {
        return locked(() -> taskSets.updatePrimary(request, caller));
    }

    @Override
    public DeleteTaskSetResponse deleteTaskSet(DeleteTaskSetRequest request) {
        return locked(() -> taskSets.delete(request, caller));
    }

    @Override
    public RunTaskResponse runTask(RunTaskRequest request) {
        return locked(() -> tasks.run(request));
    }

    @Override
    public StopTaskResponse stopTask(StopTaskRequest request) {
        return locked(() -> tasks.stop(request));
    }

    @Override
    public ListTasksResponse listTasks(ListTasksRequest request) {
        return locked(() -> tasks.list(request));
    }

    @Override
    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        return locked(() -> tasks.describe(request));
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        return locked(() -> tags.tag(request));
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return locked(() -> tags.untag(request));
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return locked(() -> tags.list(request));
    }

    private <T> T locked(Supplier<T> operation) {
        synchronized (state) {
            return operation.get();
        }
    }
}
