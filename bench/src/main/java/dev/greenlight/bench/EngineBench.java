package dev.greenlight.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures the local ASL engine (loops, an inline Map, whole executions, each in JSONPath and JSONata) and whole
 * deployments on the twin; given the peer's directory, then runs aws-local-stepfunctions on the same machines and
 * prints the two side by side. Arguments: warm-up seconds and measured seconds per scenario (default 10 and 5), and
 * optionally {@code bench/peer} (installed with {@code npm ci}). Run by {@code scripts/bench}.
 */
public final class EngineBench {

    private static final String DEFINITIONS = "bench/src/main/resources/definitions";

    private EngineBench() {
    }

    public static void main(String[] args) {
        Budget budget = new Budget(Duration.ofSeconds(argument(args, 0, 10)), Duration.ofSeconds(argument(args, 1, 5)), 3);
        List<Comparison> engine = List.of(
                new Comparison(new CounterLoop("Pass/Choice loop, JSONPath (10,000 iterations)",
                        "counter-loop-jsonpath.asl.json", 10_000), "counter-loop-jsonpath", false),
                new Comparison(new CounterLoop("Pass/Choice loop, JSONata (10,000 iterations)",
                        "counter-loop-jsonata.asl.json", 10_000), "counter-loop-jsonpath", true),
                new Comparison(new InlineMap("Inline Map, JSONPath", "inline-map-jsonpath.asl.json", 1_000),
                        "inline-map-jsonpath", false),
                new Comparison(new InlineMap("Inline Map, JSONata", "inline-map-jsonata.asl.json", 1_000),
                        "inline-map-jsonpath", true),
                new Comparison(new DeploymentPipeline("Deployment pipeline, JSONPath (12 Lambda tasks)",
                        "deployment-pipeline-jsonpath.asl.json"), "deployment-pipeline-jsonpath", false),
                new Comparison(new DeploymentPipeline("Deployment pipeline, JSONata (12 Lambda tasks)",
                        "deployment-pipeline-jsonata.asl.json"), "deployment-pipeline-jsonpath", true));
        List<Measurement> measurements = new ArrayList<>();
        List<SideBySideTable.Row> rows = new ArrayList<>();
        for (Comparison comparison : engine) {
            Measurement measurement = measure(comparison.scenario(), budget);
            measurements.add(measurement);
            rows.add(new SideBySideTable.Row(measurement, comparison.peerBenchmark(), comparison.peerInJsonPath()));
        }
        for (Scenario scenario : List.of(new TwinDeployment(), new PipelineRelease())) {
            measurements.add(measure(scenario, budget));
        }
        ResultTable.print(System.out, measurements);
        if (args.length > 2) {
            System.err.println("measuring: aws-local-stepfunctions on the same machines");
            Map<String, PeerRun.Result> peer = PeerRun.run(Path.of(args[2]), Path.of(DEFINITIONS), budget);
            System.out.println();
            SideBySideTable.print(System.out, rows, peer);
        }
    }

    /** One of our scenarios and the peer's benchmark it is set against. */
    private record Comparison(Scenario scenario, String peerBenchmark, boolean peerInJsonPath) {
    }

    private static Measurement measure(Scenario scenario, Budget budget) {
        System.err.println("measuring: " + scenario.name());
        return Rounds.measure(scenario, budget);
    }

    private static long argument(String[] args, int index, long fallback) {
        return args.length > index ? Long.parseLong(args[index]) : fallback;
    }
}
