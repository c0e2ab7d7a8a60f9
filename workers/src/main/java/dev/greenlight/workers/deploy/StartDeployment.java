package dev.greenlight.workers.deploy;

import dev.greenlight.workers.core.InvalidInput;
import static dev.greenlight.workers.core.InvalidInput.blank;

import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.Worker;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoutingType;

/**
 * Starts the CodeDeploy blue/green deployment of a registered task definition: the service's canary
 * as a deployment configuration (created once, then reused), the smoke-test hook on
 * BeforeAllowTraffic. A retry after CreateDeployment went through adopts the deployment it started.
 */
public final class StartDeployment extends Worker<StartDeployment.Input, StartDeployment.Output> {

    /** {@code taskDefinitionArn} from RegisterTaskDefinition; {@code config} the execution input's. */
    public record Input(String taskDefinitionArn, ServiceConfig config) {
    }

    public record Output(String deploymentId, String startedAt, String deploymentConfigName) {
    }

    private final CodeDeployClient codeDeploy;
    private final String smokeTestFunction;
    private final Clock clock;

    public StartDeployment() {
        this(Clients.codeDeploy(), System.getenv("SMOKE_TEST_FUNCTION"), Clock.systemUTC());
    }

    /** {@code smokeTestFunction}: the hook's function name or ARN (setting {@code SMOKE_TEST_FUNCTION}). */
    public StartDeployment(CodeDeployClient codeDeploy, String smokeTestFunction, Clock clock) {
        super(Input.class);
        this.codeDeploy = Objects.requireNonNull(codeDeploy, "codeDeploy");
        this.smokeTestFunction = smokeTestFunction;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Output apply(Input input) {
        check(input);
        ServiceConfig config = input.config();
        String deploymentConfig = ensureDeploymentConfig(config.canary());
        String application = config.codeDeploy().application();
        String group = config.codeDeploy().deploymentGroup();
        String appSpec = AppSpecs.ecsService(input.taskDefinitionArn(), config.container(), config.containerPort(),
                smokeTestFunction);
        try {
            String deploymentId = codeDeploy.createDeployment(r -> r.applicationName(application)
                    .deploymentGroupName(group).deploymentConfigName(deploymentConfig)
                    .description("Greenlight: " + input.taskDefinitionArn())
                    .revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
                            .appSpecContent(c -> c.content(appSpec)))).deploymentId();
            return new Output(deploymentId, clock.instant().toString(), deploymentConfig);
        } catch (DeploymentLimitExceededException busy) {
            DeploymentInfo ours = ActiveDeployments.deploying(codeDeploy, application, group,
                    input.taskDefinitionArn()).orElseThrow(() -> busy);
            return new Output(ours.deploymentId(), ours.createTime().toString(), ours.deploymentConfigName());
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

    private void check(Input input) {
        ServiceConfig config = input.config();
        InvalidInput.Check check = InvalidInput.of("StartDeployment")
                .require(!blank(smokeTestFunction), "the setting SMOKE_TEST_FUNCTION is not set: set it to the "
                        + "smoke-test hook's Lambda function name or ARN")
                .require(!blank(input.taskDefinitionArn()), "taskDefinitionArn is missing: pass "
                        + "RegisterTaskDefinition's taskDefinitionArn")
                .require(config != null, "config is missing: pass the execution input's config (the service's "
                        + "entry of greenlight.json)");
        if (config != null) {
            check.require(config.codeDeploy() != null && !blank(config.codeDeploy().application())
                            && !blank(config.codeDeploy().deploymentGroup()),
                            "config.codeDeploy needs application and deploymentGroup")
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
