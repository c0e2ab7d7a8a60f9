package dev.greenlight.workers.promote;

import static dev.greenlight.workers.core.InvalidInput.blank;

import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.core.InvalidInput;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.DeploymentWaitType;

/**
 * Promotes a deployment whose canary and bake passed: ContinueDeployment(TERMINATION_WAIT) ends the
 * wait that keeps blue, so CodeDeploy removes blue now and the deployment succeeds. A deployment that
 * already succeeded is promoted already; one that ended otherwise cannot be.
 */
public final class Promote extends Worker<Promote.Input, Promote.Output> {

    public record Input(String deploymentId) {
    }

    /** {@code continued}: which wait ContinueDeployment ended, null when it had succeeded already. */
    public record Output(String promotedAt, String continued) {
    }

    private final CodeDeployClient codeDeploy;
    private final Clock clock;

    public Promote() {
        this(Clients.codeDeploy(), Clock.systemUTC());
    }

    public Promote(CodeDeployClient codeDeploy, Clock clock) {
        super(Input.class);
        this.codeDeploy = Objects.requireNonNull(codeDeploy, "codeDeploy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Output apply(Input input) {
        InvalidInput.of("Promote").require(!blank(input.deploymentId()),
                "deploymentId is missing: pass StartDeployment's deploymentId").orThrow();
        String id = input.deploymentId();
        DeploymentInfo info = deployment(id);
        DeploymentWaitType wait = waitToEnd(info);
        if (wait == null) {
            return new Output(clock.instant().toString(), null);
        }
        try {
            codeDeploy.continueDeployment(r -> r.deploymentId(id).deploymentWaitType(wait));
        } catch (DeploymentAlreadyCompletedException completed) {
            // It ended between the look and the call: succeeded (blue's wait ran out) or not.
            if (waitToEnd(deployment(id)) == null) {
                return new Output(clock.instant().toString(), null);
            }
            throw completed;
        }
        return new Output(clock.instant().toString(), wait.toString());
    }

    /**
     * TERMINATION_WAIT when all traffic is on green and blue is kept; READY_WAIT when the deployment
     * group holds green back from production until told (then CodeDeploy shifts traffic as configured
     * and keeps blue for its termination wait); none when it already succeeded.
     */
    private static DeploymentWaitType waitToEnd(DeploymentInfo info) {
        DeploymentStatus status = info.status();
        if (status == DeploymentStatus.SUCCEEDED) {
            return null;
        }
        if (status == DeploymentStatus.FAILED || status == DeploymentStatus.STOPPED) {
            throw new DeploymentEnded(info.deploymentId(), info.statusAsString(),
                    info.errorInformation() == null ? null : info.errorInformation().codeAsString(),
                    info.errorInformation() == null ? null : info.errorInformation().message());
        }
        if (status == DeploymentStatus.READY) {
            return DeploymentWaitType.READY_WAIT;
        }
        if (status == DeploymentStatus.IN_PROGRESS && Boolean.TRUE.equals(info.instanceTerminationWaitTimeStarted())) {
            return DeploymentWaitType.TERMINATION_WAIT;
        }
        throw new NotReadyToPromote(info.deploymentId(), info.statusAsString());
    }

    private DeploymentInfo deployment(String id) {
        return codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo();
    }
}
