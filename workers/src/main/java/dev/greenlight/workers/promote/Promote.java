package dev.greenlight.workers.promote;

import static dev.greenlight.workers.core.InvalidInput.blank;

import dev.greenlight.workers.backend.CodeDeployBackend;
import dev.greenlight.workers.backend.Backends;
import dev.greenlight.workers.core.InvalidInput;
import dev.greenlight.workers.core.Worker;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;

/**
 * Promotes a deployment whose canary and bake passed: the backend ends the wait that keeps blue, so
 * blue is removed now and the deployment succeeds (CodeDeploy: ContinueDeployment). A deployment that
 * already succeeded is promoted already ({@link DeploymentEnded} for one that ended otherwise,
 * {@link NotReadyToPromote} while traffic still shifts).
 */
public final class Promote extends Worker<Promote.Input, Promote.Output> {

    public record Input(String deploymentId) {
    }

    /** {@code continued}: which wait ended, null when it had succeeded already. */
    public record Output(String promotedAt, String continued) {
    }

    private final Backends backends;
    private final Clock clock;

    public Promote() {
        this(Backends.fromEnvironment(), Clock.systemUTC());
    }

    public Promote(CodeDeployClient codeDeploy, Clock clock) {
        this(Backends.codeDeployOnly(new CodeDeployBackend(codeDeploy)), clock);
    }

    public Promote(Backends backends, Clock clock) {
        super(Input.class);
        this.backends = Objects.requireNonNull(backends, "backends");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Output apply(Input input) {
        InvalidInput.of("Promote").require(!blank(input.deploymentId()),
                "deploymentId is missing: pass StartDeployment's deploymentId").orThrow();
        String continued = backends.forDeployment(input.deploymentId()).promote(input.deploymentId()).orElse(null);
        return new Output(clock.instant().toString(), continued);
    }
}
