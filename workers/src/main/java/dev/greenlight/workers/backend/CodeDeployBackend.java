package dev.greenlight.workers.backend;

import static dev.greenlight.workers.core.InvalidInput.blank;

import dev.greenlight.workers.analysis.Roles;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.deploy.ActiveDeployments;
import dev.greenlight.workers.deploy.AppSpecs;
import dev.greenlight.workers.deploy.CanaryConfigs;
import dev.greenlight.workers.promote.DeploymentEnded;
import dev.greenlight.workers.promote.NotReadyToPromote;
import dev.greenlight.workers.rollback.CannotRollBack;
import dev.greenlight.workers.rollback.RollbackAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentCreator;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.DeploymentWaitType;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoutingType;

/**
 * CodeDeploy blue/green for ECS: a deployment group per service, the canary as a deployment
 * configuration, the smoke test on BeforeAllowTraffic answered by callback, promotion by ending
 * the termination wait, rollback by StopDeployment with auto-rollback or a redeploy.
 */
public final class CodeDeployBackend implements DeploymentBackend {

    /** How a redeploy of the previous version is described, so that other workers can tell it apart. */
    public static final String ROLLBACK_DESCRIPTION_PREFIX = "Greenlight rollback of ";

    /** A redeploy does not wait for a canary: the previous version served production until now. */
    public static final String REDEPLOY_CONFIG = "CodeDeployDefault.ECSAllAtOnce";

    private final CodeDeployClient codeDeploy;
    private final String smokeTestFunction;

    /** {@code smokeTestFunction}: the hook a started deployment names; null for a backend that starts none. */
    public CodeDeployBackend(CodeDeployClient codeDeploy, String smokeTestFunction) {
        this.codeDeploy = Objects.requireNonNull(codeDeploy, "codeDeploy");
        this.smokeTestFunction = smokeTestFunction;
    }

    public CodeDeployBackend(CodeDeployClient codeDeploy) {
        this(codeDeploy, null);
    }

    @Override
    public Started start(String taskDefinitionArn, ServiceConfig config) {
        String deploymentConfig = ensureDeploymentConfig(config.canary());
        String application = config.codeDeploy().application();
        String group = config.codeDeploy().deploymentGroup();
        String appSpec = AppSpecs.ecsService(taskDefinitionArn, config.container(), config.containerPort(),
                smokeTestFunction);
        try {
            String deploymentId = codeDeploy.createDeployment(r -> r.applicationName(application)
                    .deploymentGroupName(group).deploymentConfigName(deploymentConfig)
                    .description("Greenlight: " + taskDefinitionArn)
                    .revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
                            .appSpecContent(c -> c.content(appSpec)))).deploymentId();
            return new Started(deploymentId, null, deploymentConfig);
        } catch (DeploymentLimitExceededException busy) {
            DeploymentInfo ours = ActiveDeployments.deploying(codeDeploy, application, group, taskDefinitionArn)
                    .orElseThrow(() -> busy);
            return new Started(ours.deploymentId(), ours.createTime(), ours.deploymentConfigName());
        }
    }

    /** CreateDeploymentConfig; one that already exists has the same settings, as its name says. */
    private String ensureDeploymentConfig(Canary canary) {
        String name = CanaryConfigs.name(canary);
        try {
            codeDeploy.createDeploymentConfig(r -> r.deploymentConfigName(name).computePlatform(ComputePlatform.ECS)
                    .trafficRoutingConfig(t -> t.type(TrafficRoutingType.TIME_BASED_CANARY)
                            .timeBasedCanary(c -> c.canaryPercentage(canary.percent())
                                    .canaryInterval(canary.maxMinutes()))));
        } catch (DeploymentConfigAlreadyExistsException exists) {
            // Created by an earlier deployment of this or another service with the same canary.
        }
        return name;
    }

    @Override
    public Look look(String deploymentId) {
        DeploymentInfo info = deployment(deploymentId);
        return new Look(info.deploymentId(), phase(info), info.statusAsString(),
                info.errorInformation() == null ? null : info.errorInformation().codeAsString(),
                info.errorInformation() == null ? null : info.errorInformation().message(),
                AppSpecs.taskDefinitionOf(info).orElse(null), Roles.of(codeDeploy, info).orElse(null));
    }

    /** Ready to promote: all production traffic on green with blue kept (the termination wait), or waiting to be let on. */
    public static Phase phase(DeploymentInfo info) {
        DeploymentStatus status = info.status();
        if (status == DeploymentStatus.SUCCEEDED) {
            return Phase.SUCCEEDED;
        }
        if (status == DeploymentStatus.FAILED || status == DeploymentStatus.STOPPED) {
            return Phase.ENDED_UNSUCCESSFULLY;
        }
        boolean ready = status == DeploymentStatus.READY || status == DeploymentStatus.IN_PROGRESS
                && Boolean.TRUE.equals(info.instanceTerminationWaitTimeStarted());
        return ready ? Phase.READY_TO_PROMOTE : Phase.DEPLOYING;
    }

    /**
     * ContinueDeployment(TERMINATION_WAIT) when all traffic is on green and blue is kept;
     * READY_WAIT when the deployment group holds green back from production until told.
     */
    @Override
    public Optional<String> promote(String deploymentId) {
        DeploymentWaitType wait = waitToEnd(deployment(deploymentId));
        if (wait == null) {
            return Optional.empty();
        }
        try {
            codeDeploy.continueDeployment(r -> r.deploymentId(deploymentId).deploymentWaitType(wait));
        } catch (DeploymentAlreadyCompletedException completed) {
            // It ended between the look and the call: succeeded (blue's wait ran out) or not.
            if (waitToEnd(deployment(deploymentId)) == null) {
                return Optional.empty();
            }
            throw completed;
        }
        return Optional.of(wait.toString());
    }

    private static DeploymentWaitType waitToEnd(DeploymentInfo info) {
        switch (phase(info)) {
            case SUCCEEDED:
                return null;
            case ENDED_UNSUCCESSFULLY:
                throw new DeploymentEnded(info.deploymentId(), info.statusAsString(),
                        info.errorInformation() == null ? null : info.errorInformation().codeAsString(),
                        info.errorInformation() == null ? null : info.errorInformation().message());
            case READY_TO_PROMOTE:
                return info.status() == DeploymentStatus.READY ? DeploymentWaitType.READY_WAIT
                        : DeploymentWaitType.TERMINATION_WAIT;
            default:
                throw new NotReadyToPromote(info.deploymentId(), info.statusAsString());
        }
    }

    /**
     * A running deployment is stopped with rollback (blue takes all traffic back); a succeeded one
     * (blue already gone) is undone by deploying the previous task definition all at once; one
     * CodeDeploy already rolled back needs nothing. A retry finds what the first attempt did.
     */
    @Override
    public Undo rollBack(String deploymentId, String previousTaskDefinitionArn, ServiceConfig config, String reason) {
        DeploymentInfo info = deployment(deploymentId);
        if (phase(info).ended()) {
            return afterCompletion(info, previousTaskDefinitionArn, config, reason);
        }
        if (!stopWithRollback(info.deploymentId())) {
            return afterCompletion(deployment(info.deploymentId()), previousTaskDefinitionArn, config, reason);
        }
        DeploymentInfo stopped = deployment(info.deploymentId());
        String rollbackId = rollbackDeploymentOf(stopped);
        return new Undo(RollbackAction.STOPPED, rollbackId, stopped.statusAsString(),
                "stopped deployment " + info.deploymentId() + " (" + info.statusAsString() + ") with rollback"
                        + (rollbackId == null ? "; CodeDeploy has not reported its rollback deployment yet"
                                : "; CodeDeploy rolls back in deployment " + rollbackId));
    }

    private Undo afterCompletion(DeploymentInfo info, String previous, ServiceConfig config, String reason) {
        String rollbackId = rollbackDeploymentOf(info);
        if (info.status() != DeploymentStatus.SUCCEEDED && rollbackId != null) {
            return new Undo(RollbackAction.NOTHING_TO_DO, rollbackId, info.statusAsString(),
                    "deployment " + info.deploymentId() + " ended " + info.statusAsString() + " and CodeDeploy "
                            + "already rolled it back in deployment " + rollbackId);
        }
        String why = info.status() == DeploymentStatus.SUCCEEDED
                ? "succeeded, so blue is gone"
                : "ended " + info.statusAsString() + " without a rollback, so traffic may still reach green";
        return redeploy(info, previous, config, reason, why);
    }

    /** CreateDeployment of the previous task definition, no hooks; a retry adopts the redeploy it started. */
    private Undo redeploy(DeploymentInfo info, String previous, ServiceConfig config, String reason, String why) {
        if (blank(previous) || config == null || blank(config.container())) {
            throw new CannotRollBack("deployment " + info.deploymentId() + " " + why + ", and Rollback was not "
                    + "given previousTaskDefinitionArn and config (container, containerPort) to deploy the previous "
                    + "version: pass RegisterTaskDefinition's previousTaskDefinitionArn and the execution's config, "
                    + "or deploy the previous task definition by hand");
        }
        String appSpec = AppSpecs.ecsService(previous, config.container(), config.containerPort(), null);
        String description = ROLLBACK_DESCRIPTION_PREFIX + info.deploymentId()
                + (blank(reason) ? "" : ": " + reason);
        String redeployId;
        try {
            redeployId = codeDeploy.createDeployment(r -> r.applicationName(info.applicationName())
                    .deploymentGroupName(info.deploymentGroupName()).deploymentConfigName(REDEPLOY_CONFIG)
                    .description(description.length() > 1000 ? description.substring(0, 1000) : description)
                    .revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
                            .appSpecContent(c -> c.content(appSpec)))).deploymentId();
        } catch (DeploymentLimitExceededException busy) {
            redeployId = ActiveDeployments.deploying(codeDeploy, info.applicationName(), info.deploymentGroupName(),
                    previous).orElseThrow(() -> busy).deploymentId();
        }
        return new Undo(RollbackAction.REDEPLOYED, redeployId, info.statusAsString(),
                "deployment " + info.deploymentId() + " " + why + ": redeploying " + previous + " in deployment "
                        + redeployId);
    }

    private static String rollbackDeploymentOf(DeploymentInfo info) {
        return info.rollbackInfo() == null || blank(info.rollbackInfo().rollbackDeploymentId()) ? null
                : info.rollbackInfo().rollbackDeploymentId();
    }

    /** The group's running deployments that release something: rollbacks are what we want to finish. */
    @Override
    public List<Release> activeReleases(ServiceConfig config) {
        return ActiveDeployments.active(codeDeploy, config.codeDeploy().application(),
                        config.codeDeploy().deploymentGroup())
                .filter(info -> info.creator() != DeploymentCreator.CODE_DEPLOY_ROLLBACK)
                .filter(info -> info.description() == null
                        || !info.description().startsWith(ROLLBACK_DESCRIPTION_PREFIX))
                .map(info -> new Release(info.deploymentId(), info.createTime()))
                .toList();
    }

    @Override
    public boolean stopWithRollback(String deploymentId) {
        try {
            codeDeploy.stopDeployment(r -> r.deploymentId(deploymentId).autoRollbackEnabled(true));
            return true;
        } catch (DeploymentAlreadyCompletedException completed) {
            return false;
        }
    }

    @Override
    public Optional<String> busy(ServiceConfig config) {
        String application = config.codeDeploy().application();
        String group = config.codeDeploy().deploymentGroup();
        List<String> active = codeDeploy.listDeployments(r -> r.applicationName(application)
                .deploymentGroupName(group).includeOnlyStatuses(ActiveDeployments.ACTIVE)).deployments();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        String id = active.get(0);
        return Optional.of("deployment " + id + " of " + application + "/" + group + " is "
                + deployment(id).statusAsString() + "; CodeDeploy runs one deployment per group at a time");
    }

    /** The deployment group's production listeners, and its alarms when its alarm configuration is enabled. */
    @Override
    public Production production(ServiceConfig config) {
        DeploymentGroupInfo group = codeDeploy.getDeploymentGroup(r -> r.applicationName(
                config.codeDeploy().application()).deploymentGroupName(config.codeDeploy().deploymentGroup()))
                .deploymentGroupInfo();
        List<String> listeners = new ArrayList<>();
        if (group.loadBalancerInfo() != null) {
            group.loadBalancerInfo().targetGroupPairInfoList().forEach(pair -> {
                if (pair.prodTrafficRoute() != null) {
                    listeners.addAll(pair.prodTrafficRoute().listenerArns());
                }
            });
        }
        List<String> alarms = new ArrayList<>();
        if (group.alarmConfiguration() != null && Boolean.TRUE.equals(group.alarmConfiguration().enabled())) {
            group.alarmConfiguration().alarms().forEach(alarm -> alarms.add(alarm.name()));
        }
        return new Production(group.deploymentGroupName(), listeners, List.of(), alarms);
    }

    /** The deployment's AppSpec names green; its application and group name the service. */
    @Override
    public HookSubject hookSubject(String deploymentId) {
        DeploymentInfo info = deployment(deploymentId);
        String application = info.applicationName();
        String group = info.deploymentGroupName();
        return new HookSubject(AppSpecs.taskDefinitionOf(info).orElse(null),
                service -> service.codeDeploy() != null && service.codeDeploy().application().equals(application)
                        && service.codeDeploy().deploymentGroup().equals(group),
                "CodeDeploy application '" + application + "' and deployment group '" + group + "'");
    }

    /** CodeDeploy's hook contract: the hook calls back with its verdict. */
    public void answerHook(String deploymentId, String lifecycleEventHookExecutionId, LifecycleEventStatus status) {
        codeDeploy.putLifecycleEventHookExecutionStatus(r -> r.deploymentId(deploymentId)
                .lifecycleEventHookExecutionId(lifecycleEventHookExecutionId).status(status));
    }

    private DeploymentInfo deployment(String id) {
        return codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo();
    }
}
