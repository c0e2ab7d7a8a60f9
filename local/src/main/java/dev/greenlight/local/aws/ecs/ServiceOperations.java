package dev.greenlight.local.aws.ecs;

import dev.greenlight.local.clock.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionLoadBalancer;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

/**
 * CreateService, DescribeServices, UpdateService and DeleteService. Every check runs before the
 * first change, so a refused call leaves the state as it was.
 */
final class ServiceOperations {

    private final EcsState state;
    private final Clock clock;
    private final ServiceScheduler scheduler;
    private final Views views;
    private final BlueGreenPorts blueGreen;

    ServiceOperations(EcsState state, Clock clock, ServiceScheduler scheduler, Views views, BlueGreenPorts blueGreen) {
        this.state = state;
        this.clock = clock;
        this.scheduler = scheduler;
        this.views = views;
        this.blueGreen = blueGreen;
    }

    CreateServiceResponse create(CreateServiceRequest request) {
        ClusterState cluster = state.cluster(request.cluster());
        DeploymentControllerType controller = request.deploymentController() == null
                ? DeploymentControllerType.ECS : request.deploymentController().type();
        Optional<ServiceState> existing = state.findService(cluster, request.serviceName());
        if (existing.isPresent() && !ServiceState.INACTIVE.equals(existing.get().status())) {
            throw EcsErrors.invalidParameter("Creation of service was not idempotent.");
        }
        LaunchRules.checkLaunchType(request.launchType());
        BlueGreenRules.check(controller, request.deploymentConfiguration(), request.loadBalancers());
        int desiredCount = request.desiredCount() == null ? 0 : request.desiredCount();
        if (desiredCount < 0) {
            throw EcsErrors.invalidParameter("Desired count can not be lesser than 0.");
        }
        TaskDefinition definition = null;
        String platformVersion = null;
        if (request.taskDefinition() != null) {
            definition = state.taskDefinitions.forLaunch(request.taskDefinition());
            LaunchRules.checkFargate(definition);
            platformVersion = LaunchRules.platformVersion(request.platformVersion(), definition);
            LaunchRules.checkNetwork(definition, request.networkConfiguration());
            LaunchRules.checkLoadBalancers(definition, request.loadBalancers());
        } else if (controller != DeploymentControllerType.EXTERNAL) {
            throw EcsErrors.invalidParameter("A task definition must be specified when the deployment controller is "
                    + controller + ".");
        }
        ServiceState service = new ServiceState(cluster.name(), request.serviceName(),
                EcsArns.service(cluster.name(), request.serviceName()), ServiceState.ACTIVE, controller,
                definition == null ? null : definition.taskDefinitionArn(), desiredCount, request.loadBalancers(),
                request.networkConfiguration(), platformVersion, request.healthCheckGracePeriodSeconds(),
                request.deploymentConfiguration(), clock.now());
        state.put(service);
        if (definition != null) {
            state.put(TaskSetFactory.create(state, service, definition.taskDefinitionArn(), TaskSetState.PRIMARY,
                    100.0, service.loadBalancers(), service.network(), platformVersion, null, null, clock.now()));
        }
        if (service.blueGreen()) {
            state.currentRevisions.put(service.arn(), revision(service,
                    service.loadBalancers().isEmpty() ? null : service.loadBalancers().get(0).targetGroupArn()));
        }
        scheduler.reconcile(service);
        return CreateServiceResponse.builder().service(views.service(service)).build();
    }

    DescribeServicesResponse describe(DescribeServicesRequest request) {
        ClusterState cluster = state.cluster(request.cluster());
        if (request.services().isEmpty() || request.services().size() > 10) {
            throw EcsErrors.invalidParameter("services must contain between 1 and 10 items.");
        }
        List<Service> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String nameOrArn : request.services()) {
            Optional<ServiceState> service = state.findService(cluster, nameOrArn);
            if (service.isPresent()) {
                found.add(views.service(service.get()));
            } else {
                failures.add(Failure.builder().arn(EcsArns.service(cluster.name(), EcsArns.name(nameOrArn)))
                        .reason("MISSING").build());
            }
        }
        return DescribeServicesResponse.builder().services(found).failures(failures).build();
    }

    UpdateServiceResponse update(UpdateServiceRequest request) {
        ClusterState cluster = state.cluster(request.cluster());
        ServiceState service = state.activeService(cluster, request.service());
        UpdateServicePolicy.refusal(service.controller(), request).ifPresent(message -> {
            throw EcsErrors.invalidParameter(message);
        });
        if (request.desiredCount() != null && request.desiredCount() < 0) {
            throw EcsErrors.invalidParameter("Desired count can not be lesser than 0.");
        }
        BlueGreenRules.check(service.controller(), request.deploymentConfiguration() == null
                ? service.deploymentConfiguration() : request.deploymentConfiguration(), service.loadBalancers());
        TaskDefinition newDefinition = request.taskDefinition() == null ? null
                : state.taskDefinitions.forLaunch(request.taskDefinition());
        if (newDefinition != null) {
            LaunchRules.checkFargate(newDefinition);
            LaunchRules.checkLoadBalancers(newDefinition, service.loadBalancers());
        }
        // Past the policy, only an ECS-controlled service (which always has a task definition) gets here with these.
        TaskDefinition target = newDefinition != null ? newDefinition
                : service.taskDefinitionArn() == null ? null : state.taskDefinitions.describe(service.taskDefinitionArn());
        NetworkConfiguration network = request.networkConfiguration() == null ? service.network()
                : request.networkConfiguration();
        if (request.networkConfiguration() != null) {
            LaunchRules.checkNetwork(target, network);
        }
        String platformVersion = request.platformVersion() == null ? service.platformVersion()
                : LaunchRules.platformVersion(request.platformVersion(), target);
        ServiceState updated = service
                .withDesiredCount(request.desiredCount() == null ? service.desiredCount() : request.desiredCount())
                .withSettings(request.healthCheckGracePeriodSeconds() == null
                                ? service.healthCheckGracePeriodSeconds() : request.healthCheckGracePeriodSeconds(),
                        request.deploymentConfiguration() == null ? service.deploymentConfiguration()
                                : request.deploymentConfiguration());
        boolean newDeployment = newDefinition != null || Boolean.TRUE.equals(request.forceNewDeployment())
                || request.networkConfiguration() != null || request.platformVersion() != null;
        if (newDeployment && updated.blueGreen()) {
            refuseWhileDeploying(updated);
            BlueGreenRun.checkRules(blueGreen, updated.loadBalancers());
        }
        if (newDeployment) {
            updated = updated.withRollout(target.taskDefinitionArn(), network, platformVersion);
        }
        state.put(updated);
        if (newDeployment && updated.blueGreen()) {
            startBlueGreen(updated);
        } else if (newDeployment) {
            startDeployment(updated);
        }
        scheduler.reconcile(updated);
        return UpdateServiceResponse.builder().service(views.service(updated)).build();
    }

    DeleteServiceResponse delete(DeleteServiceRequest request) {
        ClusterState cluster = state.cluster(request.cluster());
        ServiceState service = state.activeService(cluster, request.service());
        if (service.desiredCount() > 0 && !Boolean.TRUE.equals(request.force())) {
            throw EcsErrors.invalidParameter("The service cannot be stopped while it is scaled above 0.");
        }
        ServiceState draining = service.withDesiredCount(0).withStatus(ServiceState.DRAINING);
        state.put(draining);
        state.taskSetsOf(draining).forEach(set -> state.put(set.withStatus(TaskSetState.DRAINING, clock.now())));
        Service shown = views.service(draining);
        scheduler.reconcile(draining);
        state.put(draining.withStatus(ServiceState.INACTIVE));
        // Developer Guide, service deployments: "When you delete a service, Amazon ECS deletes the
        // corresponding service deployments."
        state.deployments.values().removeIf(run -> {
            boolean ours = run.serviceArn().equals(service.arn());
            if (ours) {
                run.deleted();
            }
            return ours;
        });
        return DeleteServiceResponse.builder().service(shown).build();
    }

    /** An ECS-controlled service rolls out by a new primary deployment; the old one retires once it is steady. */
    private void startDeployment(ServiceState service) {
        state.taskSetsOf(service).stream().filter(TaskSetState::primary)
                .forEach(set -> state.put(set.withStatus(TaskSetState.ACTIVE, clock.now())));
        state.put(TaskSetFactory.create(state, service, service.taskDefinitionArn(), TaskSetState.PRIMARY, 100.0,
                service.loadBalancers(), service.network(), service.platformVersion(), null, null,
                clock.now()));
    }

    /**
     * The twin runs one blue/green deployment of a service at a time; how AWS treats an UpdateService
     * during one is not published, so the twin refuses it rather than guess.
     */
    private void refuseWhileDeploying(ServiceState service) {
        state.deployments.values().stream()
                .filter(run -> run.serviceArn().equals(service.arn()) && !run.ended()).findFirst()
                .ifPresent(run -> {
                    throw EcsErrors.conflict("The service " + service.name() + " has the service deployment "
                            + run.arn + " in progress; stop it or wait until it ends.");
                });
    }

    /** A new service revision and a service deployment from the current revision to it, started on the clock. */
    private void startBlueGreen(ServiceState service) {
        String source = state.currentRevisions.get(service.arn());
        BlueGreenRun stopped = state.deployments.values().stream()
                .filter(run -> run.serviceArn().equals(service.arn())).reduce((first, second) -> second)
                .filter(BlueGreenRun::leftTwoRevisions).orElse(null);
        TaskSetState blue = stopped != null ? state.taskSets.get(stopped.blueSet())
                : state.taskSetsOf(service).stream().filter(TaskSetState::primary).findFirst()
                .orElseThrow(() -> EcsErrors.invalidParameter("The service has no running revision to deploy from."));
        String target = revision(service, service.loadBalancers().isEmpty() ? null
                : BlueGreenRun.otherTargetGroup(service.loadBalancers().get(0), blue));
        String arn = EcsArns.serviceDeployment(service.cluster(), service.name(), state.nextRevisionId());
        BlueGreenRun run = new BlueGreenRun(state, clock, scheduler, blueGreen, arn, service, source, target, blue,
                stopped);
        run.start();
        state.deployments.put(arn, run);
    }

    /** {@code targetGroup}: the one the revision serves on, which its resolved configuration names. */
    private String revision(ServiceState service, String targetGroup) {
        String arn = EcsArns.serviceRevision(service.cluster(), service.name(), state.nextRevisionId());
        ServiceRevision.Builder revision = ServiceRevision.builder().serviceRevisionArn(arn).serviceArn(service.arn())
                .clusterArn(EcsArns.cluster(service.cluster())).taskDefinition(service.taskDefinitionArn())
                .launchType(LaunchType.FARGATE).platformVersion(service.platformVersion())
                .loadBalancers(service.loadBalancers()).networkConfiguration(service.network())
                .createdAt(clock.now());
        if (targetGroup != null) {
            LoadBalancer balancer = service.loadBalancers().get(0);
            revision.resolvedConfiguration(r -> r.loadBalancers(ServiceRevisionLoadBalancer.builder()
                    .targetGroupArn(targetGroup).productionListenerRule(balancer.advancedConfiguration() == null
                            ? null : balancer.advancedConfiguration().productionListenerRule()).build()));
        }
        state.revisions.put(arn, revision.build());
        return arn;
    }
}
