package dev.greenlight.local.aws.codedeploy;

import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackConfiguration;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.ContinueDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.ContinueDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.CreateApplicationRequest;
import software.amazon.awssdk.services.codedeploy.model.DeleteApplicationRequest;
import software.amazon.awssdk.services.codedeploy.model.DeleteApplicationResponse;
import software.amazon.awssdk.services.codedeploy.model.DeleteDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.DeleteDeploymentGroupResponse;
import software.amazon.awssdk.services.codedeploy.model.CreateApplicationResponse;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentConfigRequest;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentConfigResponse;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupResponse;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.DeploymentCreator;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.DeploymentWaitType;
import software.amazon.awssdk.services.codedeploy.model.GetApplicationRequest;
import software.amazon.awssdk.services.codedeploy.model.GetApplicationRevisionRequest;
import software.amazon.awssdk.services.codedeploy.model.GetApplicationRevisionResponse;
import software.amazon.awssdk.services.codedeploy.model.GetApplicationResponse;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentConfigRequest;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentConfigResponse;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentGroupResponse;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentTargetRequest;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentTargetResponse;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.ListApplicationRevisionsRequest;
import software.amazon.awssdk.services.codedeploy.model.ListApplicationRevisionsResponse;
import software.amazon.awssdk.services.codedeploy.model.ListApplicationsRequest;
import software.amazon.awssdk.services.codedeploy.model.ListApplicationsResponse;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentTargetsRequest;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentTargetsResponse;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentsRequest;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentsResponse;
import software.amazon.awssdk.services.codedeploy.model.PutLifecycleEventHookExecutionStatusRequest;
import software.amazon.awssdk.services.codedeploy.model.PutLifecycleEventHookExecutionStatusResponse;
import software.amazon.awssdk.services.codedeploy.model.RegisterApplicationRevisionRequest;
import software.amazon.awssdk.services.codedeploy.model.RegisterApplicationRevisionResponse;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocation;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.codedeploy.model.StopDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.StopDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.StopStatus;
import software.amazon.awssdk.services.codedeploy.model.UpdateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.UpdateDeploymentGroupResponse;

/**
 * CodeDeploy for the ECS compute platform: applications, deployment groups, deployment
 * configurations and blue/green deployments run on the shared clock, of an AppSpec given as
 * AppSpecContent or stored in S3. Other compute platforms and revision locations (GitHub, String)
 * are not modelled and are refused as unsupported.
 */
public final class CodeDeployTwin implements CodeDeployClient {

    private final Clock clock;
    /** The ports a deployment uses, by its deployment group's service role. */
    private final Function<String, CodeDeployPorts> portsAs;
    private final RevisionObjects s3;
    private final IdSource ids = new IdSource(20141006L);
    private final Map<String, Application> applications = new LinkedHashMap<>();
    private final Map<GroupKey, DeploymentGroup> groups = new LinkedHashMap<>();
    private final Map<String, DeploymentConfig> configs = new LinkedHashMap<>();
    private final Map<String, Deployment> deployments = new LinkedHashMap<>();
    private final Map<String, EcsDeploymentRun> runs = new HashMap<>();
    private final Map<RevisionKey, ApplicationRevision> revisions = new LinkedHashMap<>();

    public CodeDeployTwin(Clock clock, TaskSetRerouting rerouting, HookInvoker hooks, AlarmStates alarms) {
        this(clock, rerouting, hooks, alarms, RevisionObjects.NONE);
    }

    public CodeDeployTwin(Clock clock, TaskSetRerouting rerouting, HookInvoker hooks, AlarmStates alarms,
            RevisionObjects s3) {
        this(clock, rerouting, hooks, alarms, s3, CodeDeployPorts.DEFAULT_ALARM_POLL_INTERVAL);
    }

    public CodeDeployTwin(Clock clock, TaskSetRerouting rerouting, HookInvoker hooks, AlarmStates alarms,
            Duration alarmPollInterval) {
        this(clock, rerouting, hooks, alarms, RevisionObjects.NONE, alarmPollInterval);
    }

    public CodeDeployTwin(Clock clock, TaskSetRerouting rerouting, HookInvoker hooks, AlarmStates alarms,
            RevisionObjects s3, Duration alarmPollInterval) {
        CodeDeployPorts ports = new CodeDeployPorts(rerouting, hooks, alarms, alarmPollInterval);
        this.clock = clock;
        this.portsAs = role -> ports;
        this.s3 = s3;
        DeploymentConfig.predefined(clock.now()).forEach(config -> configs.put(config.name(), config));
    }

    /** A twin whose deployments call the other services as their deployment group's service role. */
    public CodeDeployTwin(Clock clock, ServicesAsRole services, RevisionObjects s3) {
        this.clock = clock;
        this.portsAs = role -> new CodeDeployPorts(services.rerouting(role), services.hooks(role),
                services.alarms(role), CodeDeployPorts.DEFAULT_ALARM_POLL_INTERVAL);
        this.s3 = s3;
        DeploymentConfig.predefined(clock.now()).forEach(config -> configs.put(config.name(), config));
    }

    private record GroupKey(String application, String group) {
    }

    private record RevisionKey(String application, RevisionLocation location) {
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // Nothing to release: the twin's state lives as long as its owner keeps it.
    }

    // --- Applications -------------------------------------------------------------------------

    @Override
    public synchronized CreateApplicationResponse createApplication(CreateApplicationRequest request) {
        String name = required(request.applicationName());
        requireEcs(request.computePlatform());
        if (applications.containsKey(name)) {
            throw CodeDeployErrors.applicationAlreadyExists(name);
        }
        Application application = new Application(name, ids.uuid(), clock.now());
        applications.put(name, application);
        return CreateApplicationResponse.builder().applicationId(application.id()).build();
    }

    /**
     * Deletes the application with its deployment groups and revisions. CodeDeploy's reference lists
     * no error for a missing application: deleting one that does not exist succeeds.
     */
    @Override
    public synchronized DeleteApplicationResponse deleteApplication(DeleteApplicationRequest request) {
        String name = required(request.applicationName());
        applications.remove(name);
        groups.keySet().removeIf(key -> key.application().equals(name));
        revisions.keySet().removeIf(key -> key.application().equals(name));
        return DeleteApplicationResponse.builder().build();
    }

    /** As DeleteApplication, deleting a group that does not exist succeeds; no hooks are left to clean up. */
    @Override
    public synchronized DeleteDeploymentGroupResponse deleteDeploymentGroup(DeleteDeploymentGroupRequest request) {
        String application = required(request.applicationName());
        groups.remove(new GroupKey(application, requiredGroupName(request.deploymentGroupName())));
        return DeleteDeploymentGroupResponse.builder().hooksNotCleanedUp(List.of()).build();
    }

    @Override
    public synchronized GetApplicationResponse getApplication(GetApplicationRequest request) {
        return GetApplicationResponse.builder().application(application(request.applicationName()).toSdk()).build();
    }

    @Override
    public synchronized ListApplicationsResponse listApplications(ListApplicationsRequest request) {
        return ListApplicationsResponse.builder().applications(applications.keySet().stream().sorted().toList())
                .build();
    }

    // --- Deployment configurations ------------------------------------------------------------

    @Override
    public synchronized CreateDeploymentConfigResponse createDeploymentConfig(CreateDeploymentConfigRequest request) {
        String name = request.deploymentConfigName();
        if (name == null || name.isBlank()) {
            throw CodeDeployErrors.deploymentConfigNameRequired();
        }
        requireEcs(request.computePlatform());
        if (configs.containsKey(name)) {
            throw CodeDeployErrors.deploymentConfigAlreadyExists(name);
        }
        if (request.minimumHealthyHosts() != null) {
            throw CodeDeployErrors.invalidDeploymentConfigName(
                    "minimumHealthyHosts does not apply to the ECS compute platform.");
        }
        DeploymentConfig config = DeploymentConfig.of(name, clock.now(),
                TrafficRouting.from(request.trafficRoutingConfig()));
        configs.put(name, config);
        return CreateDeploymentConfigResponse.builder().deploymentConfigId(config.id()).build();
    }

    @Override
    public synchronized GetDeploymentConfigResponse getDeploymentConfig(GetDeploymentConfigRequest request) {
        if (request.deploymentConfigName() == null || request.deploymentConfigName().isBlank()) {
            throw CodeDeployErrors.deploymentConfigNameRequired();
        }
        return GetDeploymentConfigResponse.builder()
                .deploymentConfigInfo(config(request.deploymentConfigName()).toSdk()).build();
    }

    // --- Deployment groups --------------------------------------------------------------------

    @Override
    public synchronized CreateDeploymentGroupResponse createDeploymentGroup(CreateDeploymentGroupRequest request) {
        Application application = application(request.applicationName());
        String name = requiredGroupName(request.deploymentGroupName());
        if (groups.containsKey(new GroupKey(application.name(), name))) {
            throw CodeDeployErrors.deploymentGroupAlreadyExists(name);
        }
        String configName = request.deploymentConfigName() == null
                ? DeploymentConfig.ECS_ALL_AT_ONCE : config(request.deploymentConfigName()).name();
        DeploymentGroup group = new DeploymentGroupSettings(request.serviceRoleArn(), configName,
                request.deploymentStyle(), request.ecsServices(), request.loadBalancerInfo(),
                request.blueGreenDeploymentConfiguration(), request.autoRollbackConfiguration(),
                request.alarmConfiguration())
                .toGroup(application.name(), ids.uuid(), name);
        groups.put(new GroupKey(application.name(), name), group);
        return CreateDeploymentGroupResponse.builder().deploymentGroupId(group.id()).build();
    }

    @Override
    public synchronized GetDeploymentGroupResponse getDeploymentGroup(GetDeploymentGroupRequest request) {
        return GetDeploymentGroupResponse.builder()
                .deploymentGroupInfo(group(request.applicationName(), request.deploymentGroupName()).toSdk()).build();
    }

    @Override
    public synchronized UpdateDeploymentGroupResponse updateDeploymentGroup(UpdateDeploymentGroupRequest request) {
        DeploymentGroup current = group(request.applicationName(), request.currentDeploymentGroupName());
        String newName = request.newDeploymentGroupName() == null ? current.name() : request.newDeploymentGroupName();
        GroupKey newKey = new GroupKey(current.applicationName(), newName);
        if (!newName.equals(current.name()) && groups.containsKey(newKey)) {
            throw CodeDeployErrors.deploymentGroupAlreadyExists(newName);
        }
        if (request.deploymentConfigName() != null) {
            config(request.deploymentConfigName());
        }
        DeploymentGroupSettings given = new DeploymentGroupSettings(request.serviceRoleArn(),
                request.deploymentConfigName(), request.deploymentStyle(), present(request.hasEcsServices(),
                request.ecsServices()), request.loadBalancerInfo(), request.blueGreenDeploymentConfiguration(),
                request.autoRollbackConfiguration(), request.alarmConfiguration());
        DeploymentGroup updated = DeploymentGroupSettings.of(current).updatedWith(given)
                .toGroup(current.applicationName(), current.id(), newName);
        groups.remove(new GroupKey(current.applicationName(), current.name()));
        groups.put(newKey, updated);
        return UpdateDeploymentGroupResponse.builder().hooksNotCleanedUp(List.of()).build();
    }

    // --- Deployments --------------------------------------------------------------------------

    @Override
    public synchronized CreateDeploymentResponse createDeployment(CreateDeploymentRequest request) {
        DeploymentGroup group = group(request.applicationName(), request.deploymentGroupName());
        AppSpec appSpec = AppSpecReader.read(appSpecContent(request.revision(), s3));
        DeploymentConfig config = config(request.deploymentConfigName() != null
                ? request.deploymentConfigName() : group.deploymentConfigName());
        AutoRollbackConfiguration autoRollback = request.autoRollbackConfiguration() != null
                ? request.autoRollbackConfiguration() : group.autoRollback();
        Optional<Deployment> active = activeDeploymentOf(group);
        if (active.isPresent()) {
            throw CodeDeployErrors.deploymentLimitExceeded(group.name(), active.get().id);
        }
        Deployment deployment = new Deployment(ids.deploymentId(), group, config, autoRollback, appSpec,
                request.revision(), request.description(), DeploymentCreator.USER, clock.now(),
                List.of(EcsLifecycleEvent.values()));
        deployments.put(deployment.id, deployment);
        if (request.revision().revisionType() == RevisionLocationType.S3) {
            revision(group.applicationName(), request.revision()).deployedBy(group.name(), clock.now());
        }
        EcsDeploymentRun run = new EcsDeploymentRun(deployment, this, clock,
                portsAs.apply(group.serviceRoleArn()), ids, this::startRollbackOf);
        runs.put(deployment.id, run);
        run.start();
        return CreateDeploymentResponse.builder().deploymentId(deployment.id).build();
    }

    private Optional<Deployment> activeDeploymentOf(DeploymentGroup group) {
        return deployments.values().stream()
                .filter(d -> d.group.applicationName().equals(group.applicationName())
                        && d.group.name().equals(group.name()) && d.isActive())
                .findFirst();
    }

    private static String appSpecContent(RevisionLocation revision, RevisionObjects s3) {
        requireRevision(revision);
        if (revision.revisionType() == RevisionLocationType.S3) {
            return S3Revision.appSpecContent(revision.s3Location(), s3);
        }
        return revision.appSpecContent() == null ? null : revision.appSpecContent().content();
    }

    private static void requireRevision(RevisionLocation revision) {
        if (revision == null || revision.revisionType() == null) {
            throw CodeDeployErrors.revisionRequired();
        }
        if (revision.revisionType() != RevisionLocationType.APP_SPEC_CONTENT
                && revision.revisionType() != RevisionLocationType.S3) {
            throw new UnsupportedOperationException("The CodeDeploy twin reads AppSpecContent and S3 revisions only, "
                    + "not " + revision.revisionTypeAsString());
        }
    }

    private ApplicationRevision revision(String applicationName, RevisionLocation location) {
        return revisions.computeIfAbsent(new RevisionKey(applicationName, location),
                key -> new ApplicationRevision(location));
    }

    // --- Application revisions ----------------------------------------------------------------

    /** Registers the revision as given; like AWS, without reading the object it names. */
    @Override
    public synchronized RegisterApplicationRevisionResponse registerApplicationRevision(
            RegisterApplicationRevisionRequest request) {
        Application application = application(request.applicationName());
        requireRevision(request.revision());
        revision(application.name(), request.revision()).registered(request.description(), clock.now());
        return RegisterApplicationRevisionResponse.builder().build();
    }

    @Override
    public synchronized GetApplicationRevisionResponse getApplicationRevision(GetApplicationRevisionRequest request) {
        Application application = application(request.applicationName());
        requireRevision(request.revision());
        ApplicationRevision revision = revisions.get(new RevisionKey(application.name(), request.revision()));
        if (revision == null) {
            throw CodeDeployErrors.revisionDoesNotExist(describe(request.revision()));
        }
        return GetApplicationRevisionResponse.builder().applicationName(application.name())
                .revision(revision.location).revisionInfo(revision.toInfo()).build();
    }

    @Override
    public synchronized ListApplicationRevisionsResponse listApplicationRevisions(
            ListApplicationRevisionsRequest request) {
        Application application = application(request.applicationName());
        return ListApplicationRevisionsResponse.builder().revisions(revisions.keySet().stream()
                .filter(key -> key.application().equals(application.name())).map(RevisionKey::location).toList())
                .build();
    }

    private static String describe(RevisionLocation revision) {
        return revision.s3Location() != null
                ? "s3://" + revision.s3Location().bucket() + "/" + revision.s3Location().key()
                : revision.revisionTypeAsString();
    }

    /** Registers the rollback deployment CodeDeploy creates for a failed or stopped one. */
    private Deployment startRollbackOf(Deployment failed) {
        Deployment rollback = new Deployment(ids.deploymentId(), failed.group, failed.config, failed.autoRollback,
                failed.appSpec, failed.revision, null, DeploymentCreator.CODE_DEPLOY_ROLLBACK, clock.now(), List.of());
        rollback.start(clock.now());
        deployments.put(rollback.id, rollback);
        return rollback;
    }

    @Override
    public synchronized GetDeploymentResponse getDeployment(GetDeploymentRequest request) {
        return GetDeploymentResponse.builder().deploymentInfo(deployment(request.deploymentId()).toInfo()).build();
    }

    @Override
    public synchronized ListDeploymentsResponse listDeployments(ListDeploymentsRequest request) {
        Predicate<Deployment> selected = deploymentsOf(request.applicationName(), request.deploymentGroupName());
        List<DeploymentStatus> statuses = request.includeOnlyStatuses();
        List<String> newestFirst = new ArrayList<>();
        deployments.values().stream()
                .filter(selected)
                .filter(d -> statuses.isEmpty() || statuses.contains(d.status()))
                .forEach(d -> newestFirst.add(0, d.id));
        return ListDeploymentsResponse.builder().deployments(newestFirst).build();
    }

    private Predicate<Deployment> deploymentsOf(String applicationName, String groupName) {
        if (applicationName == null && groupName == null) {
            return d -> true;
        }
        if (applicationName == null) {
            throw CodeDeployErrors.applicationNameRequired();
        }
        Application application = application(applicationName);
        if (groupName == null) {
            throw CodeDeployErrors.deploymentGroupNameRequired();
        }
        DeploymentGroup group = group(application.name(), groupName);
        return d -> d.group.applicationName().equals(group.applicationName()) && d.group.name().equals(group.name());
    }

    @Override
    public synchronized ListDeploymentTargetsResponse listDeploymentTargets(ListDeploymentTargetsRequest request) {
        Deployment deployment = startedDeployment(request.deploymentId());
        return ListDeploymentTargetsResponse.builder().targetIds(deployment.targetId()).build();
    }

    @Override
    public synchronized GetDeploymentTargetResponse getDeploymentTarget(GetDeploymentTargetRequest request) {
        Deployment deployment = startedDeployment(request.deploymentId());
        if (request.targetId() == null || request.targetId().isBlank()) {
            throw CodeDeployErrors.targetIdRequired();
        }
        if (!request.targetId().equals(deployment.targetId())) {
            throw CodeDeployErrors.targetDoesNotExist(request.targetId());
        }
        return GetDeploymentTargetResponse.builder().deploymentTarget(deployment.toTarget()).build();
    }

    @Override
    public synchronized PutLifecycleEventHookExecutionStatusResponse putLifecycleEventHookExecutionStatus(
            PutLifecycleEventHookExecutionStatusRequest request) {
        Deployment deployment = deployment(request.deploymentId());
        String executionId = request.lifecycleEventHookExecutionId();
        HookExecution hook = deployment.hook(executionId)
                .orElseThrow(() -> CodeDeployErrors.invalidHookExecutionId(executionId));
        if (hook.completed() || deployment.isComplete()) {
            throw CodeDeployErrors.hookAlreadyCompleted(executionId);
        }
        LifecycleEventStatus status = request.status();
        if (status != LifecycleEventStatus.SUCCEEDED && status != LifecycleEventStatus.FAILED) {
            throw CodeDeployErrors.invalidHookExecutionStatus(request.statusAsString());
        }
        runs.get(deployment.id).hookAnswered(hook, status);
        return PutLifecycleEventHookExecutionStatusResponse.builder().lifecycleEventHookExecutionId(executionId)
                .build();
    }

    @Override
    public synchronized ContinueDeploymentResponse continueDeployment(ContinueDeploymentRequest request) {
        Deployment deployment = deployment(request.deploymentId());
        DeploymentWaitType waitType = request.deploymentWaitType() == null
                ? DeploymentWaitType.READY_WAIT : request.deploymentWaitType();
        if (deployment.isComplete()) {
            throw CodeDeployErrors.deploymentAlreadyCompleted(deployment.id);
        }
        EcsDeploymentRun run = runs.get(deployment.id);
        switch (waitType) {
            case READY_WAIT -> {
                if (deployment.status() != DeploymentStatus.READY) {
                    throw CodeDeployErrors.notInReadyState(deployment.id);
                }
                run.continueFromReady();
            }
            case TERMINATION_WAIT -> {
                if (!deployment.terminationWaitStarted()) {
                    throw CodeDeployErrors.notInReadyState(deployment.id);
                }
                run.endTerminationWait();
            }
            default -> throw CodeDeployErrors.invalidWaitType("The wait type is invalid: "
                    + request.deploymentWaitTypeAsString());
        }
        return ContinueDeploymentResponse.builder().build();
    }

    @Override
    public synchronized StopDeploymentResponse stopDeployment(StopDeploymentRequest request) {
        Deployment deployment = deployment(request.deploymentId());
        if (deployment.isComplete()) {
            throw CodeDeployErrors.deploymentAlreadyCompleted(deployment.id);
        }
        runs.get(deployment.id).stopOnRequest(request.autoRollbackEnabled());
        return StopDeploymentResponse.builder().status(StopStatus.SUCCEEDED)
                .statusMessage("Deployment " + deployment.id + " stopped.").build();
    }

    // --- Look-ups that refuse with CodeDeploy's errors ----------------------------------------

    private Application application(String name) {
        Application application = applications.get(required(name));
        if (application == null) {
            throw CodeDeployErrors.applicationDoesNotExist(name);
        }
        return application;
    }

    private DeploymentGroup group(String applicationName, String groupName) {
        Application application = application(applicationName);
        DeploymentGroup group = groups.get(new GroupKey(application.name(), requiredGroupName(groupName)));
        if (group == null) {
            throw CodeDeployErrors.deploymentGroupDoesNotExist(groupName);
        }
        return group;
    }

    private DeploymentConfig config(String name) {
        DeploymentConfig config = configs.get(name);
        if (config == null) {
            throw CodeDeployErrors.deploymentConfigDoesNotExist(name);
        }
        return config;
    }

    private Deployment deployment(String id) {
        if (id == null || id.isBlank()) {
            throw CodeDeployErrors.deploymentIdRequired();
        }
        if (!IdSource.isDeploymentId(id)) {
            throw CodeDeployErrors.invalidDeploymentId(id);
        }
        Deployment deployment = deployments.get(id);
        if (deployment == null) {
            throw CodeDeployErrors.deploymentDoesNotExist(id);
        }
        return deployment;
    }

    private Deployment startedDeployment(String id) {
        Deployment deployment = deployment(id);
        if (!deployment.isStarted()) {
            throw CodeDeployErrors.deploymentNotStarted(id);
        }
        return deployment;
    }

    private static String required(String applicationName) {
        if (applicationName == null || applicationName.isBlank()) {
            throw CodeDeployErrors.applicationNameRequired();
        }
        return applicationName;
    }

    private static String requiredGroupName(String groupName) {
        if (groupName == null || groupName.isBlank()) {
            throw CodeDeployErrors.deploymentGroupNameRequired();
        }
        return groupName;
    }

    /** A platform CodeDeploy does not have is refused as AWS refuses it; Server and Lambda are not modelled. */
    private static void requireEcs(ComputePlatform platform) {
        if (platform == ComputePlatform.UNKNOWN_TO_SDK_VERSION) {
            throw CodeDeployErrors.invalidComputePlatform();
        }
        if (platform != ComputePlatform.ECS) {
            throw new UnsupportedOperationException("The CodeDeploy twin models the ECS compute platform only, not "
                    + platform);
        }
    }

    private static <T> List<T> present(boolean given, List<T> list) {
        return given ? list : null;
    }
}
