package dev.greenlight.workers.rollback;

import static dev.greenlight.workers.core.InvalidInput.blank;

import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.deploy.ActiveDeployments;
import dev.greenlight.workers.deploy.AppSpecs;
import java.util.Objects;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;

/**
 * Puts production back on the previous version, whatever state the deployment is in: a running one
 * is stopped with rollback (blue takes all traffic back); a succeeded one (blue already gone) is
 * undone by deploying the previous task definition all at once; one CodeDeploy already rolled back
 * needs nothing, nor one never started. A retry finds what the first attempt did: the stopped
 * deployment's rollback (NOTHING_TO_DO), or the redeploy still running (adopted).
 */
public final class Rollback extends Worker<Rollback.Input, Rollback.Output> {

    /** How a redeploy of the previous version is described, so that other workers can tell it apart. */
    public static final String DESCRIPTION_PREFIX = "Greenlight rollback of ";

    /** A redeploy does not wait for a canary: the previous version served production until now. */
    static final String REDEPLOY_CONFIG = "CodeDeployDefault.ECSAllAtOnce";

    /** {@code deploymentId} is absent when StartDeployment failed; {@code reason} goes into the description. */
    public record Input(String deploymentId, String previousTaskDefinitionArn, ServiceConfig config, String reason) {
    }

    /** {@code rollbackDeploymentId}: CodeDeploy's rollback deployment, or the redeploy; null when none is known. */
    public record Output(RollbackAction action, String rollbackDeploymentId, String deploymentStatus,
            String message) {
    }

    private final CodeDeployClient codeDeploy;

    public Rollback() {
        this(Clients.codeDeploy());
    }

    public Rollback(CodeDeployClient codeDeploy) {
        super(Input.class);
        this.codeDeploy = Objects.requireNonNull(codeDeploy, "codeDeploy");
    }

    @Override
    public Output apply(Input input) {
        if (blank(input.deploymentId())) {
            return new Output(RollbackAction.NOTHING_TO_DO, null, null,
                    "no deployment was started, so production still runs the previous version");
        }
        DeploymentInfo info = deployment(input.deploymentId());
        if (!isComplete(info.status())) {
            return stop(input, info);
        }
        return afterCompletion(input, info);
    }

    private Output stop(Input input, DeploymentInfo info) {
        try {
            codeDeploy.stopDeployment(r -> r.deploymentId(info.deploymentId()).autoRollbackEnabled(true));
        } catch (DeploymentAlreadyCompletedException completed) {
            return afterCompletion(input, deployment(info.deploymentId()));
        }
        DeploymentInfo stopped = deployment(info.deploymentId());
        String rollbackId = rollbackDeploymentOf(stopped);
        return new Output(RollbackAction.STOPPED, rollbackId, stopped.statusAsString(),
                "stopped deployment " + info.deploymentId() + " (" + info.statusAsString() + ") with rollback"
                        + (rollbackId == null ? "; CodeDeploy has not reported its rollback deployment yet"
                                : "; CodeDeploy rolls back in deployment " + rollbackId));
    }

    private Output afterCompletion(Input input, DeploymentInfo info) {
        String rollbackId = rollbackDeploymentOf(info);
        if (info.status() != DeploymentStatus.SUCCEEDED && rollbackId != null) {
            return new Output(RollbackAction.NOTHING_TO_DO, rollbackId, info.statusAsString(),
                    "deployment " + info.deploymentId() + " ended " + info.statusAsString() + " and CodeDeploy "
                            + "already rolled it back in deployment " + rollbackId);
        }
        String why = info.status() == DeploymentStatus.SUCCEEDED
                ? "succeeded, so blue is gone"
                : "ended " + info.statusAsString() + " without a rollback, so traffic may still reach green";
        return redeploy(input, info, why);
    }

    /** CreateDeployment of the previous task definition, no hooks; a retry adopts the redeploy it started. */
    private Output redeploy(Input input, DeploymentInfo info, String why) {
        ServiceConfig config = input.config();
        if (blank(input.previousTaskDefinitionArn()) || config == null || blank(config.container())) {
            throw new CannotRollBack("deployment " + info.deploymentId() + " " + why + ", and Rollback was not "
                    + "given previousTaskDefinitionArn and config (container, containerPort) to deploy the previous "
                    + "version: pass RegisterTaskDefinition's previousTaskDefinitionArn and the execution's config, "
                    + "or deploy the previous task definition by hand");
        }
        String previous = input.previousTaskDefinitionArn();
        String appSpec = AppSpecs.ecsService(previous, config.container(), config.containerPort(), null);
        String description = DESCRIPTION_PREFIX + info.deploymentId()
                + (blank(input.reason()) ? "" : ": " + input.reason());
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
        return new Output(RollbackAction.REDEPLOYED, redeployId, info.statusAsString(),
                "deployment " + info.deploymentId() + " " + why + ": redeploying " + previous + " in deployment "
                        + redeployId);
    }

    private static String rollbackDeploymentOf(DeploymentInfo info) {
        return info.rollbackInfo() == null || blank(info.rollbackInfo().rollbackDeploymentId()) ? null
                : info.rollbackInfo().rollbackDeploymentId();
    }

    private static boolean isComplete(DeploymentStatus status) {
        return status == DeploymentStatus.SUCCEEDED || status == DeploymentStatus.FAILED
                || status == DeploymentStatus.STOPPED;
    }

    private DeploymentInfo deployment(String id) {
        return codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo();
    }
}
