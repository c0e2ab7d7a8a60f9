package dev.greenlight.workers.rollback;

import static dev.greenlight.workers.core.InvalidInput.blank;

import dev.greenlight.workers.backend.Backends;
import dev.greenlight.workers.backend.CodeDeployBackend;
import dev.greenlight.workers.backend.DeploymentBackend;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.Worker;
import java.util.Objects;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;

/**
 * Puts production back on the previous version, whatever state the deployment is in: a running one
 * is stopped with rollback (blue takes all traffic back); a succeeded one (blue already gone) is
 * undone by deploying the previous task definition all at once; one the backend already rolled back
 * needs nothing, nor one never started. A retry finds what the first attempt did.
 */
public final class Rollback extends Worker<Rollback.Input, Rollback.Output> {

    /** {@code deploymentId} is absent when StartDeployment failed; {@code reason} goes into the description. */
    public record Input(String deploymentId, String previousTaskDefinitionArn, ServiceConfig config, String reason) {
    }

    /** {@code rollbackDeploymentId}: the backend's rollback deployment, or the redeploy; null when none is known. */
    public record Output(RollbackAction action, String rollbackDeploymentId, String deploymentStatus,
            String message) {
    }

    private final Backends backends;

    public Rollback() {
        this(Backends.fromEnvironment());
    }

    public Rollback(CodeDeployClient codeDeploy) {
        this(Backends.codeDeployOnly(new CodeDeployBackend(codeDeploy)));
    }

    public Rollback(Backends backends) {
        super(Input.class);
        this.backends = Objects.requireNonNull(backends, "backends");
    }

    @Override
    public Output apply(Input input) {
        if (blank(input.deploymentId())) {
            return new Output(RollbackAction.NOTHING_TO_DO, null, null,
                    "no deployment was started, so production still runs the previous version");
        }
        DeploymentBackend.Undo undo = backends.forDeployment(input.deploymentId()).rollBack(input.deploymentId(), input.previousTaskDefinitionArn(),
                input.config(), input.reason());
        return new Output(undo.action(), undo.rollbackDeploymentId(), undo.deploymentStatus(), undo.message());
    }
}
