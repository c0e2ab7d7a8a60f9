package dev.greenlight.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the local ASL engine (loops, an inline Map, whole executions) and whole deployments on the twin. Arguments: warm-up
 * seconds and measured seconds per scenario (default 3 and 5). Run by {@code scripts/bench}.
 */
public final class EngineBench {

    private EngineBench() {
    }

    public static void main(String[] args) {
        Budget budget = new Budget(Duration.ofSeconds(argument(args, 0, 3)), Duration.ofSeconds(argument(args, 1, 5)), 3);
        List<Scenario> scenarios = List.of(
                new CounterLoop("Pass/Choice loop, JSONPath (10,000 iterations)", "counter-loop-jsonpath.asl.json", 10_000),
                new CounterLoop("Pass/Choice loop, JSONata (10,000 iterations)", "counter-loop-jsonata.asl.json", 10_000),
                new InlineMap(1_000),
                new DeploymentPipeline(),
                new TwinDeployment(),
                new PipelineRelease());
        List<Measurement> measurements = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            System.err.println("measuring: " + scenario.name());
            measurements.add(Rounds.measure(scenario, budget));
        }
        ResultTable.print(System.out, measurements);
    }

    private static long argument(String[] args, int index, long fallback) {
        return args.length > index ? Long.parseLong(args[index]) : fallback;
    }
}
