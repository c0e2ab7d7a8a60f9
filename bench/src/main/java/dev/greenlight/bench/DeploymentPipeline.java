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

    private final String name;
    private final StateMachine machine;
    private final LocalIntegrations integrations = PipelineFunctions.integrations();
    /** Counted once: the same machine and input take the same path every round, and counting a history costs. */
    private long transitions;
    private final JsonNode input = Json.parse("""
            {"request": {"service": "orders", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.4.2"}}
            """);

    DeploymentPipeline(String name, String definitionFile) {
        this.name = name;
        this.machine = Definitions.load(definitionFile);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unit() {
        return "execution";
    }

    @Override
    public Round run() {
        Execution execution = LocalRun.virtualTime(machine, StartRequest.of("deploy", input), integrations);
        Executions.requireSucceeded(name, execution);
        check(name, execution.output());
        if (transitions == 0) {
            transitions = Executions.transitions(execution);
        }
        return new Round(1, transitions);
    }

    private static void check(String name, JsonNode output) {
        require(name, output.at("/green/value/attempt").intValue() == 1, "the green service was not retried once", output);
        require(name, output.at("/deployment/polls").intValue() == PipelineFunctions.POLLS_UNTIL_STABLE,
                "the deployment was not polled " + PipelineFunctions.POLLS_UNTIL_STABLE + " times", output);
        require(name, output.at("/verification/0/recorded").asBoolean() && output.at("/verification/1/healthy").asBoolean(),
                "the Parallel verification did not return both branches", output);
        require(name, output.at("/notified/value/sent").asBoolean(), "the last task did not run", output);
    }

    private static void require(String name, boolean holds, String message, JsonNode output) {
        if (!holds) {
            throw new WrongResultException(name, message + "; output: " + Json.write(output));
        }
    }
}
