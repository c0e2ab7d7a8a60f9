package dev.greenlight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code bench/peer/bench.mjs} (aws-local-stepfunctions on its own Node 22) after ours, not beside it, so the
 * two never share the machine's cores, and reads its one JSON line per benchmark.
 */
final class PeerRun {

    private PeerRun() {
    }

    /** What the peer measured for one benchmark. */
    record Result(String benchmark, long executions, double medianSeconds, long cpuNanosPerExecution,
            long bytesPerExecution) {

        /** Executions a second at the median execution's pace. */
        double executionsPerSecond() {
            return 1 / medianSeconds;
        }
    }

    /** The peer's results by benchmark name ("counter-loop-jsonpath", ...). */
    static Map<String, Result> run(Path peerDirectory, Path definitions, Budget budget) {
        Path node = peerDirectory.resolve("node_modules/.bin/node");
        List<String> command = List.of(node.toString(), peerDirectory.resolve("bench.mjs").toString(),
                seconds(budget.warmUp()), seconds(budget.measure()), definitions.toString());
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Map<String, Result> results = new LinkedHashMap<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    JsonNode json = Json.parse(line);
                    Result result = new Result(json.path("benchmark").asText(), json.path("executions").asLong(),
                            json.path("medianSeconds").asDouble(), json.path("cpuNanosPerExecution").asLong(),
                            json.path("bytesPerExecution").asLong());
                    results.put(result.benchmark(), result);
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the peer's bench (" + String.join(" ", command) + ") exited with "
                        + exit + "; its error is above");
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run the peer's bench " + node
                    + "; install it with: npm ci --prefix " + peerDirectory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the peer's bench ran", e);
        }
    }

    private static String seconds(Duration duration) {
        return Long.toString(duration.toSeconds());
    }
}
