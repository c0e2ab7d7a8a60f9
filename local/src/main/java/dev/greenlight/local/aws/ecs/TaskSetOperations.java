package dev.greenlight.local.aws.ecs;

import dev.greenlight.local.clock.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Scale;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskSet;
import software.amazon.awssdk.services.ecs.model.TaskSetField;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetResponse;

/**
 * The task set API of EXTERNAL services, and of CODE_DEPLOY services when CodeDeploy calls:
 * CreateTaskSet, DescribeTaskSets, UpdateTaskSet, UpdateServicePrimaryTaskSet, DeleteTaskSet.
 */
final class TaskSetOperations {

    /** ECS refuses a sixth deployment (task set) on a service. */
    static final int MAX_TASK_SETS = 5;

    private final EcsState state;
    private final Clock clock;
    private final ServiceScheduler scheduler;
    private final Views views;
    private final TagOperations tags;

    TaskSetOperations(EcsState state, Clock clock, ServiceScheduler scheduler, Views views, TagOperations tags) {
        this.state = state;
        this.clock = clock;
        this.scheduler = scheduler;
        this.views = views;
        this.tags = tags;
    }

    CreateTaskSetResponse create(CreateTaskSetRequest request, Caller caller) {
        ServiceState service = managedService(request.cluster(), request.service(), caller);
        LaunchRules.checkLaunchType(request.launchType());
        TaskDefinition definition = state.taskDefinitions.forLaunch(request.taskDefinition());
        LaunchRules.checkFargate(definition);
        String platformVersion = LaunchRules.platformVersion(request.platformVersion(), definition);
        LaunchRules.checkNetwork(definition, request.networkConfiguration());
        LaunchRules.checkLoadBalancers(definition, request.loadBalancers());
        double percent = percent(request.scale());
        if (state.taskSetsOf(service).size() >= MAX_TASK_SETS) {
            throw EcsErrors.invalidParameter(MAX_TASK_SETS + " deployments exist on the service. Unable to create "
                    + "new TaskSet since this exceeds the maximum limit.");
        }
        TaskSetState set = TaskSetFactory.create(state, service, definition.taskDefinitionArn(), TaskSetState.ACTIVE,
                percent, request.loadBalancers(), request.networkConfiguration(), platformVersion,
                request.externalId(), caller == Caller.CODE_DEPLOY ? "CodeDeploy" : null, clock.now());
        state.put(set);
        scheduler.reconcile(set.id());
        return CreateTaskSetResponse.builder().taskSet(views.taskSet(state.taskSets.get(set.id()))).build();
    }

    /** {@code include: [TAGS]} adds each set's tags; without it ECS leaves them out. */
    DescribeTaskSetsResponse describe(DescribeTaskSetsRequest request) {
        ServiceState service = state.service(state.cluster(request.cluster()), request.service());
        List<TaskSetState> sets = state.taskSetsOf(service);
        boolean withTags = request.include().contains(TaskSetField.TAGS);
        Function<TaskSetState, TaskSet> view = set -> withTags
                ? views.taskSet(set).toBuilder().tags(tags.tagsOf(set.arn())).build() : views.taskSet(set);
        if (request.taskSets().isEmpty()) {
            return DescribeTaskSetsResponse.builder().taskSets(sets.stream().map(view).toList()).build();
        }
        List<TaskSet> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String idOrArn : request.taskSets()) {
            String id = EcsArns.taskSetId(idOrArn);
            sets.stream().filter(set -> set.id().equals(id)).findFirst().ifPresentOrElse(
                    set -> found.add(view.apply(set)),
                    () -> failures.add(Failure.builder().arn(idOrArn).reason("MISSING").build()));
        }
        return DescribeTaskSetsResponse.builder().taskSets(found).failures(failures).build();
    }

    UpdateTaskSetResponse update(UpdateTaskSetRequest request, Caller caller) {
        ServiceState service = managedService(request.cluster(), request.service(), caller);
        TaskSetState set = state.taskSet(service, request.taskSet());
        double percent = percent(request.scale());
        state.put(set.withScale(percent, clock.now()));
        scheduler.reconcile(set.id());
        return UpdateTaskSetResponse.builder().taskSet(views.taskSet(state.taskSets.get(set.id()))).build();
    }

    UpdateServicePrimaryTaskSetResponse updatePrimary(UpdateServicePrimaryTaskSetRequest request, Caller caller) {
        ServiceState service = managedService(request.cluster(), request.service(), caller);
        TaskSetState primary = state.taskSet(service, request.primaryTaskSet());
        if (primary.draining()) {
            throw EcsErrors.invalidParameter("The task set " + primary.id() + " is DRAINING and cannot be primary.");
        }
        state.taskSetsOf(service).stream()
                .filter(set -> set.primary() && !set.id().equals(primary.id()))
                .forEach(set -> state.put(set.withStatus(TaskSetState.ACTIVE, clock.now())));
        state.put(primary.withStatus(TaskSetState.PRIMARY, clock.now()));
        state.put(service.withTaskDefinition(primary.taskDefinitionArn()));
        return UpdateServicePrimaryTaskSetResponse.builder()
                .taskSet(views.taskSet(state.taskSets.get(primary.id()))).build();
    }

    DeleteTaskSetResponse delete(DeleteTaskSetRequest request, Caller caller) {
        ServiceState service = managedService(request.cluster(), request.service(), caller);
        TaskSetState set = state.taskSet(service, request.taskSet());
        if (set.primary()) {
            throw EcsErrors.invalidParameter("The primary task set " + set.id() + " cannot be deleted.");
        }
        boolean scaledToZero = set.computedDesiredCount(service.desiredCount()) == 0
                && state.tasksOf(set).stream().noneMatch(TaskState::live);
        if (!scaledToZero && !Boolean.TRUE.equals(request.force())) {
            throw EcsErrors.invalidParameter("The task set " + set.id()
                    + " cannot be deleted while it is scaled above 0; use force to delete it anyway.");
        }
        TaskSetState draining = set.withStatus(TaskSetState.DRAINING, clock.now());
        state.put(draining);
        TaskSet shown = views.taskSet(draining);
        scheduler.reconcile(draining.id());
        return DeleteTaskSetResponse.builder().taskSet(shown).build();
    }

    /** The service whose task sets {@code caller} may manage; ECS-controlled services have none to manage. */
    private ServiceState managedService(String cluster, String service, Caller caller) {
        ServiceState found = state.activeService(state.cluster(cluster), service);
        boolean allowed = found.controller() == DeploymentControllerType.EXTERNAL
                || found.controller() == DeploymentControllerType.CODE_DEPLOY && caller == Caller.CODE_DEPLOY;
        if (!allowed) {
            throw EcsErrors.invalidParameter("Amazon ECS only supports task set management on services configured "
                    + "to use external deployment controllers.");
        }
        return found;
    }

    private static double percent(Scale scale) {
        if (scale == null) {
            return 100.0;
        }
        if (scale.unit() != null && scale.unit() != ScaleUnit.PERCENT || scale.value() == null
                || scale.value() < 0 || scale.value() > 100) {
            throw EcsErrors.invalidParameter("Scale must be a PERCENT value between 0 and 100.");
        }
        return scale.value();
    }
}
