package dev.greenlight.workers.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.core.DeploymentInput;
import dev.greenlight.workers.core.Environment;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.pipeline.PipelineStart;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * What EventBridge invokes for each ECR push: finds the service deploying the repository, builds the
 * execution input and starts the pipeline under the name derived from service, tag and digest, so
 * one pushed image starts one execution however often its event arrives.
 */
public final class Trigger extends Worker<JsonNode, Trigger.Output> {

    /**
     * @param started whether this call started the execution (false: it already existed, or the event is
     *                not a successful push)
     * @param note    what happened, in words
     */
    public record Output(String executionArn, String executionName, boolean started, String note) {
    }

    private final SfnClient sfn;
    private final String stateMachineArn;
    private final GreenlightConfig config;

    public Trigger() {
        this(Clients.stepFunctions(), setting("STATE_MACHINE_ARN"), ConfigLoader.parse(setting("GREENLIGHT_CONFIG")));
    }

    public Trigger(SfnClient sfn, String stateMachineArn, GreenlightConfig config) {
        super(JsonNode.class);
        this.sfn = Objects.requireNonNull(sfn, "sfn");
        this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        this.config = Objects.requireNonNull(config, "config");
        if (!stateMachineArn.startsWith("arn:") || !stateMachineArn.contains(":stateMachine:")) {
            throw new IllegalArgumentException("STATE_MACHINE_ARN must be a state machine ARN "
                    + "(arn:aws:states:REGION:ACCOUNT:stateMachine:NAME), got \"" + stateMachineArn + "\"");
        }
    }

    @Override
    public Output apply(JsonNode event) {
        EcrPushEvent push = EcrPushEvent.parse(event);
        if (!push.isSuccessfulPush()) {
            return new Output(null, null, false, "ignored: " + push.actionType() + " " + push.result() + " of "
                    + push.image() + " is not a successful push");
        }
        Map.Entry<String, ServiceConfig> service = serviceFor(push.repository());
        PipelineStart.Outcome outcome = PipelineStart.start(sfn, stateMachineArn, input(service, push));
        return new Output(outcome.executionArn(), outcome.executionName(), outcome.started(), outcome.started()
                ? "started " + outcome.executionName() + " for " + push.image()
                : "already deploying " + push.image() + ": execution " + outcome.executionName() + " exists");
    }

    private Map.Entry<String, ServiceConfig> serviceFor(String repository) {
        List<Map.Entry<String, ServiceConfig>> matching = config.services().entrySet().stream()
                .filter(entry -> repository.equals(entry.getValue().repository())).toList();
        if (matching.isEmpty()) {
            throw new UnknownRepository("no service of GREENLIGHT_CONFIG deploys repository '" + repository
                    + "' (services and their repositories: " + config.services().entrySet().stream()
                            .map(e -> e.getKey() + " <- " + e.getValue().repository())
                            .collect(Collectors.joining(", "))
                    + "); add the service, or narrow the EventBridge rule to the configured repositories");
        }
        if (matching.size() > 1) {
            throw new ConfigException(List.of("repository '" + repository + "' is deployed by several services ("
                    + matching.stream().map(Map.Entry::getKey).collect(Collectors.joining(", "))
                    + "): a push can start one pipeline; give each service its own repository"));
        }
        return matching.get(0);
    }

    private static DeploymentInput input(Map.Entry<String, ServiceConfig> service, EcrPushEvent push) {
        return new DeploymentInput(service.getKey(),
                new ImageRef(push.repository(), push.tag(), push.digest()),
                new DeploymentInput.Trigger("ecr-push", "ECR push in account " + push.account(),
                        "pushed " + push.image() + " at " + push.time() + " (event " + push.id() + ")"),
                service.getValue(), null);
    }

    private static String setting(String name) {
        String value = Environment.variable(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the Trigger needs the environment variable " + name
                    + (name.equals("GREENLIGHT_CONFIG") ? " (the configuration file's JSON)" : " (the pipeline's ARN)"));
        }
        return value;
    }
}
