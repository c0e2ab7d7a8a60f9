package dev.greenlight.workers.deploy;

import static dev.greenlight.workers.core.InvalidInput.blank;

import dev.greenlight.workers.backend.Backends;
import dev.greenlight.workers.backend.CodeDeployBackend;
import dev.greenlight.workers.backend.DeploymentBackend;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.Environment;
import dev.greenlight.workers.core.InvalidInput;
import dev.greenlight.workers.core.Worker;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;

/**
 * Starts the blue/green deployment of a registered task definition on the service's backend: for
 * CodeDeploy, the service's canary as a deployment configuration (created once, then reused), the
 * smoke-test hook on BeforeAllowTraffic. A retry after the start went through adopts the deployment
 * it started.
 */
public final class StartDeployment extends Worker<StartDeployment.Input, StartDeployment.Output> {

    /** {@code taskDefinitionArn} from RegisterTaskDefinition; {@code config} the execution input's. */
    public record Input(String taskDefinitionArn, ServiceConfig config) {
    }

    public record Output(String deploymentId, String startedAt, String deploymentConfigName) {
    }

    private final Backends backends;
    private final String smokeTestFunction;
    private final Clock clock;

    public StartDeployment() {
        this(Backends.fromEnvironment(), Environment.variable("SMOKE_TEST_FUNCTION"), Clock.systemUTC());
    }

    /** {@code smokeTestFunction}: the hook's function name or ARN (setting {@code SMOKE_TEST_FUNCTION}). */
    public StartDeployment(CodeDeployClient codeDeploy, String smokeTestFunction, Clock clock) {
        this(Backends.codeDeployOnly(new CodeDeployBackend(codeDeploy, smokeTestFunction)), smokeTestFunction, clock);
    }

    public StartDeployment(Backends backends, String smokeTestFunction, Clock clock) {
        super(Input.class);
        this.backends = Objects.requireNonNull(backends, "backends");
        this.smokeTestFunction = smokeTestFunction;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Output apply(Input input) {
        check(input);
        DeploymentBackend.Started started = backends.forService(input.config())
                .start(input.taskDefinitionArn(), input.config());
        return new Output(started.deploymentId(),
                (started.startedAt() == null ? clock.instant() : started.startedAt()).toString(),
                started.deploymentConfigName());
    }

    private void check(Input input) {
        ServiceConfig config = input.config();
        boolean codeDeploy = config == null || config.backend() == ServiceConfig.Backend.codedeploy;
        InvalidInput.Check check = InvalidInput.of("StartDeployment")
                .require(!codeDeploy || !blank(smokeTestFunction), "the setting SMOKE_TEST_FUNCTION is not set: set "
                        + "it to the smoke-test hook's Lambda function name or ARN")
                .require(!blank(input.taskDefinitionArn()), "taskDefinitionArn is missing: pass "
                        + "RegisterTaskDefinition's taskDefinitionArn")
                .require(config != null, "config is missing: pass the execution input's config (the service's "
                        + "entry of greenlight.json)");
        if (config != null) {
            check.require(!codeDeploy || config.codeDeploy() != null && !blank(config.codeDeploy().application())
                            && !blank(config.codeDeploy().deploymentGroup()),
                            "config.codeDeploy needs application and deploymentGroup")
                    .require(codeDeploy || !blank(config.cluster()) && !blank(config.service()),
                            "config.cluster and config.service name the ECS service that deploys itself")
                    .require(!blank(config.container()), "config.container is missing: name the container that "
                            + "receives traffic")
                    .require(config.containerPort() >= 1 && config.containerPort() <= 65535,
                            "config.containerPort must be a port number from 1 to 65535, got " + config.containerPort())
                    .require(config.canary() != null && config.canary().percent() >= 1
                            && config.canary().percent() <= 99 && config.canary().minutes() >= 1
                            && config.canary().maxMinutes() >= config.canary().minutes(),
                            "config.canary needs percent from 1 to 99, minutes of at least 1 and maxMinutes of at "
                                    + "least minutes, got " + config.canary());
        }
        check.orThrow();
    }
}
