package dev.greenlight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.LocalRun;
import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.component.StateMachineType;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.StartRequest;
import dev.greenlight.local.asl.task.LocalIntegrations;

/** A Pass/Choice loop that counts from 0 to {@code target}, one iteration per count. */
final class CounterLoop implements Scenario {

    private final String name;
    private final StateMachine machine;
    private final int target;
    private final JsonNode input;
    private final LocalIntegrations integrations = new LocalIntegrations();
    /** Counted once: the same machine and input take the same path every round, and counting a history costs. */
    private long transitions;

    CounterLoop(String name, String definitionFile, int target) {
        this.name = name;
        this.machine = Definitions.load(definitionFile);
        this.target = target;
        this.input = Json.NODES.objectNode().put("counter", 0).put("target", target);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unit() {
        return "iteration";
    }

    @Override
    public Round run() {
        // EXPRESS: a STANDARD execution stops at 25,000 history events, as AWS's does, and this loop records 40,003.
        Execution execution = LocalRun.virtualTime(machine,
                StartRequest.of("loop", input).withType(StateMachineType.EXPRESS), integrations);
        Executions.requireSucceeded(name, execution);
        JsonNode counter = execution.output().path("counter");
        if (!counter.isNumber() || counter.doubleValue() != target) {
            throw new WrongResultException(name, "the counter ended at " + counter + ", not " + target);
        }
        if (transitions == 0) {
            transitions = Executions.transitions(execution);
        }
        return new Round(target, transitions);
    }
}
