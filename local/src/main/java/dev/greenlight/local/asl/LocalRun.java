package dev.greenlight.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.eval.Engine;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.StartRequest;
import dev.greenlight.local.asl.task.Integrations;
import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.clock.VirtualClock;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;

/** Runs one execution to its end, in virtual time (at once) or in real time (as long as it takes). */
public final class LocalRun {

    private LocalRun() {
    }

    public static Execution virtualTime(StateMachine machine, StartRequest request, Integrations integrations) {
        VirtualClock clock = new VirtualClock();
        Engine engine = new Engine(clock, integrations, new SplittableRandom(42));
        Execution execution = engine.start(machine, request);
        clock.runUntil(() -> execution.status().isTerminal());
        return execution;
    }

    public static Execution realTime(StateMachine machine, StartRequest request, Integrations integrations)
            throws InterruptedException {
        try (RealClock clock = new RealClock()) {
            Engine engine = new Engine(clock, integrations, new SplittableRandom());
            Execution execution = engine.start(machine, request);
            try {
                return execution.completion().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the execution ended abnormally", e.getCause());
            }
        }
    }

    /** Convenience for tests: parse, run in virtual time. */
    public static Execution run(String definition, JsonNode input, Integrations integrations) {
        return virtualTime(dev.greenlight.local.asl.parse.DefinitionParser.parse(definition),
                StartRequest.of("test", input), integrations);
    }
}
