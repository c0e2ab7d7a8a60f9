package dev.greenlight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.LocalRun;
import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.StartRequest;
import dev.greenlight.local.asl.task.LocalIntegrations;

/**
 * Whole executions of a deployment-shaped machine, in virtual time: twelve Lambda tasks, a
 * retry, a polling loop with Waits, a Parallel of two branches.
 */
final class DeploymentPipeline implements Scenario {

    private static final String NAME = "Deployment pipeline (12 Lambda tasks)";

    private final StateMachine machine = Definitions.load("deployment-pipeline.asl.json");
    private final LocalIntegrations integrations = PipelineFunctions.integrations();
    private final JsonNode input = Json.parse("""
            {"request": {"service": "orders", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.4.2"}}
            """);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String unit() {
        return "execution";
    }

    @Override
    public Round run() {
        Execution execution = LocalRun.virtualTime(machine, StartRequest.of("deploy", input), integrations);
        Executions.requireSucceeded(NAME, execution);
        check(execution.output());
        return new Round(1, Executions.transitions(execution));
    }

    private static void check(JsonNode output) {
        require(output.at("/green/value/attempt").intValue() == 1, "the green service was not retried once", output);
        require(output.at("/deployment/polls").intValue() == PipelineFunctions.POLLS_UNTIL_STABLE,
                "the deployment was not polled " + PipelineFunctions.POLLS_UNTIL_STABLE + " times", output);
        require(output.at("/verification/0/recorded").asBoolean() && output.at("/verification/1/healthy").asBoolean(),
                "the Parallel verification did not return both branches", output);
        require(output.at("/notified/value/sent").asBoolean(), "the last task did not run", output);
    }

    private static void require(boolean holds, String message, JsonNode output) {
        if (!holds) {
            throw new WrongResultException(NAME, message + "; output: " + Json.write(output));
        }
    }
}
