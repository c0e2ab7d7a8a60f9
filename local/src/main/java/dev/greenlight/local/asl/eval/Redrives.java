package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A branch or iteration on a redrive: one that succeeded before keeps its output and does not run
 * again; one that failed or was aborted continues where it stopped; one never started starts.
 * AWS does not publish which history events a redriven Parallel or Map writes for the branches and
 * iterations it does not rerun: here they write none, and a Map's iteration events are written as usual.
 */
final class Redrives {

    private Redrives() {
    }

    static CompletableFuture<JsonNode> run(RedrivePoint.Branch earlier, Scope scope,
            Supplier<CompletableFuture<JsonNode>> program) {
        if (earlier != null && earlier.succeeded()) {
            scope.completed(earlier.output());
            return CompletableFuture.completedFuture(earlier.output());
        }
        if (earlier != null && earlier.point() != null) {
            scope.resumeAt(earlier.point());
        }
        return program.get();
    }
}
