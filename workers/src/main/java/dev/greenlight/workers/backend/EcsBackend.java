package dev.greenlight.workers.backend;

import static dev.greenlight.workers.core.InvalidInput.blank;

import dev.greenlight.workers.analysis.Roles;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.promote.DeploymentEnded;
import dev.greenlight.workers.promote.NotReadyToPromote;
import dev.greenlight.workers.rollback.CannotRollBack;
import dev.greenlight.workers.rollback.RollbackAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentLifecycleStage;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Amazon ECS blue/green: the service's own deployment controller runs the deployment. StartDeployment
 * is UpdateService with the new task definition and a CANARY deployment configuration from the
 * service's canary (canaryPercent, and the canary held for canary.maxMinutes as CodeDeploy's interval
 * is); the deployment's alarms are the service's; two lifecycle hooks on one function: the smoke test
 * at POST_TEST_TRAFFIC_SHIFT and the promotion gate at POST_PRODUCTION_TRAFFIC_SHIFT, which answers
 * IN_PROGRESS (so ECS keeps blue and asks again) until Promote tags green's task definition. The SDK
 * the project pins (2.40.2) has no PAUSE hooks nor ContinueServiceDeployment, so the gate is a Lambda
 * hook. The deployment's id is its service deployment ARN.
 */
public final class EcsBackend implements DeploymentBackend {

    /** On green's task definition: the service deployment Promote let through the promotion gate. */
    public static final String PROMOTE_TAG = "greenlight:promote";
    /** hookDetails {"greenlight": …} tells the one hook function which job it is invoked for. */
    public static final String SMOKE = "smoke";
    public static final String PROMOTION = "promotion";

    private static final List<ServiceDeploymentStatus> RUNNING = List.of(ServiceDeploymentStatus.PENDING,
            ServiceDeploymentStatus.IN_PROGRESS, ServiceDeploymentStatus.STOP_REQUESTED,
            ServiceDeploymentStatus.ROLLBACK_REQUESTED, ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS);

    private final EcsClient ecs;
    private final String hookFunction;
    private final String hookRole;

    /**
     * @param hookFunction the lifecycle hook's function ARN (setting {@code ECS_HOOK_FUNCTION}); null for a
     *                     backend that starts no deployment
     * @param hookRole     the role ECS invokes it with (setting {@code ECS_HOOK_ROLE_ARN})
     */
    public EcsBackend(EcsClient ecs, String hookFunction, String hookRole) {
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        this.hookFunction = hookFunction;
        this.hookRole = hookRole;
    }

    /** A service deployment ARN, as opposed to CodeDeploy's {@code d-XXXXXXXXX}. */
    public static boolean isServiceDeployment(String id) {
        return id != null && id.startsWith("arn:") && id.contains(":service-deployment/");
    }

    @Override
    public Started start(String taskDefinitionArn, ServiceConfig config) {
        if (blank(hookFunction) || blank(hookRole)) {
            throw new IllegalStateException("the settings ECS_HOOK_FUNCTION and ECS_HOOK_ROLE_ARN are not both set: "
                    + "set them to the lifecycle hook's function ARN and the role ECS invokes it with");
        }
        Optional<ServiceDeployment> ours = running(config).stream()
                .filter(deployment -> taskDefinitionArn.equals(taskDefinitionOf(deployment.targetServiceRevision()
                        .arn())))
                .findFirst();
        if (ours.isEmpty()) {
            ecs.updateService(r -> r.cluster(config.cluster()).service(config.service())
                    .taskDefinition(taskDefinitionArn).deploymentConfiguration(release(config)));
            ours = running(config).stream().findFirst();
        }
        ServiceDeployment started = ours.orElseThrow(() -> new IllegalStateException("ECS started no service "
                + "deployment for " + taskDefinitionArn + " on " + config.cluster() + "/" + config.service()));
        return new Started(started.serviceDeploymentArn(), null, configName(config));
    }

    /**
     * The deployment configuration of a release: the canary, no bake of ECS's own, the hooks, the alarms,
     * and the circuit breaker (Developer Guide, "deployment failure detection": it applies to blue/green
     * too), so green tasks that never start roll back instead of holding the deployment at SCALE_UP.
     */
    DeploymentConfiguration release(ServiceConfig config) {
        return DeploymentConfiguration.builder().strategy(DeploymentStrategy.CANARY)
                .deploymentCircuitBreaker(b -> b.enable(true).rollback(true))
                .canaryConfiguration(c -> c.canaryPercent((double) config.canary().percent())
                        .canaryBakeTimeInMinutes(config.canary().maxMinutes()))
                // The pipeline bakes while the promotion gate keeps blue; ECS's bake then has nothing to add.
                .bakeTimeInMinutes(0)
                .lifecycleHooks(hook(DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT, SMOKE),
                        hook(DeploymentLifecycleHookStage.POST_PRODUCTION_TRAFFIC_SHIFT, PROMOTION))
                .alarms(a -> a.alarmNames(config.alarms()).enable(!config.alarms().isEmpty()).rollback(true))
                .build();
    }

    private DeploymentLifecycleHook hook(DeploymentLifecycleHookStage stage, String job) {
        return DeploymentLifecycleHook.builder().hookTargetArn(hookFunction).roleArn(hookRole).lifecycleStages(stage)
                .hookDetails(Document.mapBuilder().putString("greenlight", job).build()).build();
    }

    static String configName(ServiceConfig config) {
        return "ECS CANARY " + config.canary().percent() + "% for " + config.canary().maxMinutes() + " minutes";
    }

    @Override
    public Look look(String deploymentId) {
        ServiceDeployment deployment = deployment(deploymentId);
        ServiceRevision green = revision(deployment.targetServiceRevision().arn());
        ServiceRevision blue = deployment.sourceServiceRevisions().isEmpty() ? null
                : revision(deployment.sourceServiceRevisions().get(0).arn());
        String blueGroup = targetGroupName(blue);
        String greenGroup = targetGroupName(green);
        return new Look(deploymentId, phase(deployment), status(deployment), null, deployment.statusReason(),
                green.taskDefinition(), blueGroup == null || greenGroup == null ? null
                        : new Roles(blueGroup, greenGroup));
    }

    /** The status and, while it runs, the stage: {@code IN_PROGRESS (PRODUCTION_TRAFFIC_SHIFT)}. */
    private static String status(ServiceDeployment deployment) {
        return deployment.statusAsString() + (deployment.status() == ServiceDeploymentStatus.IN_PROGRESS
                && deployment.lifecycleStage() != null ? " (" + deployment.lifecycleStageAsString() + ")" : "");
    }

    /** Ready to promote: all production traffic on green and blue kept, at the promotion gate or in ECS's bake. */
    public static Phase phase(ServiceDeployment deployment) {
        ServiceDeploymentStatus status = deployment.status();
        if (status == ServiceDeploymentStatus.SUCCESSFUL) {
            return Phase.SUCCEEDED;
        }
        if (status != ServiceDeploymentStatus.PENDING && status != ServiceDeploymentStatus.IN_PROGRESS) {
            return Phase.ENDED_UNSUCCESSFULLY;
        }
        ServiceDeploymentLifecycleStage stage = deployment.lifecycleStage();
        return stage == ServiceDeploymentLifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT
                || stage == ServiceDeploymentLifecycleStage.BAKE_TIME
                || stage == ServiceDeploymentLifecycleStage.CLEAN_UP ? Phase.READY_TO_PROMOTE : Phase.DEPLOYING;
    }

    /** Lets the promotion gate through: it answers SUCCEEDED at its next invocation. */
    @Override
    public Optional<String> promote(String deploymentId) {
        ServiceDeployment deployment = deployment(deploymentId);
        switch (phase(deployment)) {
            case SUCCEEDED:
                return Optional.empty();
            case ENDED_UNSUCCESSFULLY:
                throw new DeploymentEnded(deploymentId, deployment.statusAsString(), null, deployment.statusReason());
            case DEPLOYING:
                throw new NotReadyToPromote(deploymentId, status(deployment));
            default:
                String green = revision(deployment.targetServiceRevision().arn()).taskDefinition();
                ecs.tagResource(r -> r.resourceArn(green).tags(Tag.builder().key(PROMOTE_TAG).value(deploymentId)
                        .build()));
                return Optional.of(PROMOTION + " gate at " + deployment.lifecycleStageAsString());
        }
    }

    /**
     * A running deployment is stopped with ROLLBACK (ECS puts both listener rules back on blue); one ECS
     * rolled back needs nothing; a successful one (blue gone) is undone by deploying the previous task
     * definition all at once, with no hooks.
     */
    @Override
    public Undo rollBack(String deploymentId, String previousTaskDefinitionArn, ServiceConfig config, String reason) {
        ServiceDeployment deployment = deployment(deploymentId);
        Phase phase = phase(deployment);
        if (!phase.ended() && stopWithRollback(deploymentId)) {
            ServiceDeployment stopped = deployment(deploymentId);
            return new Undo(RollbackAction.STOPPED, deploymentId, stopped.statusAsString(), "stopped service "
                    + "deployment " + deploymentId + " (" + status(deployment) + ") with ROLLBACK; ECS puts production "
                    + "back on the previous revision");
        }
        deployment = deployment(deploymentId);
        if (phase(deployment) == Phase.ENDED_UNSUCCESSFULLY) {
            return new Undo(RollbackAction.NOTHING_TO_DO, deploymentId, deployment.statusAsString(),
                    "service deployment " + deploymentId + " ended " + deployment.statusAsString()
                            + (deployment.statusReason() == null ? "" : " (" + deployment.statusReason() + ")")
                            + ": ECS already put production back on the previous revision");
        }
        if (blank(previousTaskDefinitionArn) || config == null) {
            throw new CannotRollBack("service deployment " + deploymentId + " succeeded, so blue is gone, and "
                    + "Rollback was not given previousTaskDefinitionArn and config to deploy the previous version: "
                    + "pass RegisterTaskDefinition's previousTaskDefinitionArn and the execution's config, or "
                    + "deploy the previous task definition by hand");
        }
        ecs.updateService(r -> r.cluster(config.cluster()).service(config.service())
                .taskDefinition(previousTaskDefinitionArn).deploymentConfiguration(d -> d
                        .strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(0)));
        String redeploy = running(config).stream().findFirst().map(ServiceDeployment::serviceDeploymentArn)
                .orElse(null);
        return new Undo(RollbackAction.REDEPLOYED, redeploy, deployment.statusAsString(), "service deployment "
                + deploymentId + " succeeded, so blue is gone: redeploying " + previousTaskDefinitionArn
                + " all at once in service deployment " + redeploy + (blank(reason) ? "" : " (" + reason + ")"));
    }

    /** Releases have Greenlight's hooks; a redeploy of the previous version has none and is left to finish. */
    @Override
    public List<Release> activeReleases(ServiceConfig config) {
        return running(config).stream()
                .filter(deployment -> deployment.status() == ServiceDeploymentStatus.PENDING
                        || deployment.status() == ServiceDeploymentStatus.IN_PROGRESS)
                .filter(deployment -> deployment.deploymentConfiguration() != null
                        && !deployment.deploymentConfiguration().lifecycleHooks().isEmpty())
                .map(deployment -> new Release(deployment.serviceDeploymentArn(), deployment.createdAt()))
                .toList();
    }

    @Override
    public boolean stopWithRollback(String deploymentId) {
        try {
            ecs.stopServiceDeployment(r -> r.serviceDeploymentArn(deploymentId)
                    .stopType(StopServiceDeploymentStopType.ROLLBACK));
            return true;
        } catch (ConflictException ended) {
            return false;
        }
    }

    @Override
    public Optional<String> busy(ServiceConfig config) {
        return running(config).stream().findFirst().map(deployment -> "service deployment "
                + deployment.serviceDeploymentArn() + " of " + config.cluster() + "/" + config.service() + " is "
                + status(deployment) + "; ECS runs one deployment per service at a time");
    }

    /**
     * The production listener rules, and the alarms the release sets on the service (the config's): those
     * stop the deployment, not the ones the service has now, which a first release on ECS does not have yet.
     */
    @Override
    public Production production(ServiceConfig config) {
        Service service = ecs.describeServices(r -> r.cluster(config.cluster()).services(config.service()))
                .services().get(0);
        List<String> rules = new ArrayList<>();
        for (LoadBalancer balancer : service.loadBalancers()) {
            if (balancer.advancedConfiguration() != null && balancer.advancedConfiguration().productionListenerRule()
                    != null) {
                rules.add(balancer.advancedConfiguration().productionListenerRule());
            }
        }
        return new Production(config.cluster() + "/" + config.service(), List.of(), rules, config.alarms());
    }

    /** The service deployment's green task definition; the service is the configured one with its cluster/service. */
    @Override
    public HookSubject hookSubject(String deploymentId) {
        ServiceDeployment deployment = deployment(deploymentId);
        String serviceArn = deployment.serviceArn();
        return new HookSubject(taskDefinitionOf(deployment.targetServiceRevision().arn()),
                service -> serviceArn.endsWith(":service/" + service.cluster() + "/" + service.service()),
                "ECS service " + serviceArn);
    }

    /** The in-progress deployment of the service that deploys {@code targetRevision}, if any. */
    public Optional<String> deploymentOf(String cluster, String service, String targetRevision) {
        return running(cluster, service).stream()
                .filter(deployment -> targetRevision.equals(deployment.targetServiceRevision().arn()))
                .map(ServiceDeployment::serviceDeploymentArn).findFirst();
    }

    /** The tags of green's task definition: the promotion gate's answer. */
    public Map<String, String> tagsOf(String taskDefinitionArn) {
        Map<String, String> tags = new java.util.HashMap<>();
        ecs.listTagsForResource(r -> r.resourceArn(taskDefinitionArn)).tags()
                .forEach(tag -> tags.put(tag.key(), tag.value()));
        return tags;
    }

    public String taskDefinitionOf(String revisionArn) {
        return revision(revisionArn).taskDefinition();
    }

    private List<ServiceDeployment> running(ServiceConfig config) {
        return running(config.cluster(), config.service());
    }

    private List<ServiceDeployment> running(String cluster, String service) {
        List<String> arns = ecs.listServiceDeployments(r -> r.cluster(cluster).service(service).status(RUNNING))
                .serviceDeployments().stream().map(brief -> brief.serviceDeploymentArn()).toList();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arns)).serviceDeployments();
    }

    private ServiceDeployment deployment(String arn) {
        List<ServiceDeployment> found = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arn))
                .serviceDeployments();
        if (found.isEmpty()) {
            throw new DeploymentNotFound(arn, "ECS does not know it; it keeps a service's deployments for 90 days "
                    + "and deletes them with the service");
        }
        return found.get(0);
    }

    private ServiceRevision revision(String arn) {
        return ecs.describeServiceRevisions(r -> r.serviceRevisionArns(arn)).serviceRevisions().get(0);
    }

    /** {@code …:targetgroup/NAME/ID} → NAME, from the revision's resolved configuration. */
    private static String targetGroupName(ServiceRevision revision) {
        if (revision == null || revision.resolvedConfiguration() == null
                || revision.resolvedConfiguration().loadBalancers().isEmpty()) {
            return null;
        }
        String arn = revision.resolvedConfiguration().loadBalancers().get(0).targetGroupArn();
        return arn == null ? null : Roles.targetGroupOfDimension(arn.substring(arn.indexOf("targetgroup/")));
    }
}
