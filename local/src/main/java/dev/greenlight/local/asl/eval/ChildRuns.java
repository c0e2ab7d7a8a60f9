package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.component.StateMachine;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The child workflow executions of one Map Run: started in order, at most {@code concurrency} at
 * once. More failed children than tolerated fails the run with States.ExceedToleratedFailureThreshold
 * (whatever the children's own errors) and stops the children still running.
 */
final class ChildRuns {

    private final Engine engine;
    private final StateMachine processor;
    private final ArrayNode inputs;
    private final Function<JsonNode, StartRequest> request;
    private final int concurrency;
    private final int tolerated;
    private final List<Execution> children = new CopyOnWriteArrayList<>();
    private final CompletableFuture<List<Execution>> done = new CompletableFuture<>();
    private int finished;
    private int failed;

    ChildRuns(Engine engine, StateMachine processor, ArrayNode inputs, Function<JsonNode, StartRequest> request,
            int concurrency, int tolerated) {
        this.engine = engine;
        this.processor = processor;
        this.inputs = inputs;
        this.request = request;
        this.concurrency = concurrency <= 0 ? Integer.MAX_VALUE : concurrency;
        this.tolerated = tolerated;
    }

    /** The children started so far, in the items' order; it grows as they start. */
    List<Execution> started() {
        return children;
    }

    /** Completes with every child, in the items' order, once all have ended. */
    CompletableFuture<List<Execution>> start() {
        if (inputs.isEmpty()) {
            done.complete(List.of());
        }
        launch();
        return done;
    }

    private void launch() {
        while (!done.isDone() && children.size() - finished < concurrency && children.size() < inputs.size()) {
            Execution child = engine.start(processor, request.apply(inputs.get(children.size())));
            children.add(child);
            child.completion().whenComplete((ended, thrown) -> engine.clock().execute(() -> finish(child)));
        }
    }

    private void finish(Execution child) {
        finished++;
        if (done.isDone()) {
            return;
        }
        if (child.status() != ExecutionStatus.SUCCEEDED) {
            failed++;
            if (failed > tolerated) {
                done.completeExceptionally(MapRunner.toleranceExceeded());
                stopRunning();
                return;
            }
        }
        if (finished == inputs.size()) {
            done.complete(List.copyOf(children));
        } else {
            launch();
        }
    }

    /** Stops the children still running, and starts no more; a run not yet over ends as aborted. */
    void stopRunning() {
        if (!done.isDone()) {
            done.completeExceptionally(StatesError.RUNTIME.withCause("the Map Run was aborted"));
        }
        children.stream().filter(running -> !running.status().isTerminal())
                .forEach(running -> engine.stop(running.executionArn(), null, null));
    }

    /** The outputs of the children, and {"Error", "Cause"} for each that failed, as an inline Map gives them. */
    static ArrayNode results(List<Execution> children) {
        ArrayNode results = Json.NODES.arrayNode();
        for (Execution child : children) {
            if (child.status() == ExecutionStatus.SUCCEEDED) {
                results.add(child.output());
            } else {
                results.addObject().put("Error", child.error() != null ? child.error()
                        : StatesError.TIMEOUT.errorName()).put("Cause", child.cause());
            }
        }
        return results;
    }
}
