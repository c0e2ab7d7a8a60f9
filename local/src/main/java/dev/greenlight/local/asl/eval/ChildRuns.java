package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.component.StateMachineType;
import dev.greenlight.local.asl.component.StateMachine;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The child workflow executions of one Map Run: started in order, at most {@code concurrency} at
 * once. More failed children than tolerated fails the run with States.ExceedToleratedFailureThreshold
 * (whatever the children's own errors) and stops the children still running.
 *
 * <p>A redriven Map Run (guide, "Redriving Map Runs") keeps the children that succeeded, redrives the
 * unsuccessful STANDARD children (same execution, from where each stopped), starts the unsuccessful
 * EXPRESS children again with StartExecution, and starts those never started.
 */
final class ChildRuns {

    private final Engine engine;
    private final MapRun mapRun;
    private final StateMachine processor;
    private final ArrayNode inputs;
    private final Function<JsonNode, StartRequest> request;
    private final int concurrency;
    private final int tolerated;
    /** How many items each child takes: failures are counted in items. */
    private final List<Integer> itemsPerChild;
    /** Child {@code i} ran item (or batch) {@code i}; the list grows as children start. */
    private final List<Execution> children;
    private final Deque<Integer> toRun = new ArrayDeque<>();
    private final CompletableFuture<List<Execution>> done = new CompletableFuture<>();
    private int running;
    private int finished;
    private int failed;

    /** @param tolerated how many items may fail; {@code itemsPerChild} says how many items each child takes */
    ChildRuns(Engine engine, MapRun mapRun, StateMachine processor, ArrayNode inputs,
            Function<JsonNode, StartRequest> request, int concurrency, int tolerated, List<Integer> itemsPerChild) {
        this(engine, mapRun, processor, inputs, request, concurrency, tolerated, itemsPerChild, List.of());
    }

    private ChildRuns(Engine engine, MapRun mapRun, StateMachine processor, ArrayNode inputs,
            Function<JsonNode, StartRequest> request, int concurrency, int tolerated, List<Integer> itemsPerChild,
            List<Execution> earlier) {
        this.engine = engine;
        this.mapRun = mapRun;
        this.processor = processor;
        this.inputs = inputs;
        this.request = request;
        this.concurrency = concurrency <= 0 ? Integer.MAX_VALUE : concurrency;
        this.tolerated = tolerated;
        this.itemsPerChild = List.copyOf(itemsPerChild);
        this.children = new CopyOnWriteArrayList<>(earlier);
        for (int index = 0; index < inputs.size(); index++) {
            if (index < earlier.size() && earlier.get(index).status() == ExecutionStatus.SUCCEEDED) {
                finished++;
            } else {
                toRun.add(index);
            }
        }
    }

    /** The same Map Run again, for a redrive: what succeeded stays, the rest runs. */
    ChildRuns redriven() {
        return new ChildRuns(engine, mapRun, processor, inputs, request, concurrency, tolerated, itemsPerChild,
                List.copyOf(children));
    }

    /** Each child's input, in the items' order: the items, or their batches. */
    ArrayNode inputs() {
        return inputs;
    }

    /** The children started so far, in the items' order; it grows as they start. */
    List<Execution> started() {
        return children;
    }

    /** Completes with every child, in the items' order, once all have ended. */
    CompletableFuture<List<Execution>> start() {
        if (finished == inputs.size()) {
            done.complete(List.copyOf(children));
        }
        launch();
        return done;
    }

    private void launch() {
        while (!done.isDone() && running < concurrency && !toRun.isEmpty()) {
            int index = toRun.poll();
            Execution child = index < children.size() ? again(index) : first(index);
            running++;
            child.completion().whenComplete((ended, thrown) -> engine.clock().execute(() -> finish(child, index)));
        }
    }

    private Execution first(int index) {
        Execution child = engine.start(processor, request.apply(inputs.get(index)));
        children.add(child);
        engine.mapRunChildStarted(mapRun, child, null);
        return child;
    }

    private Execution again(int index) {
        Execution earlier = children.get(index);
        if (earlier.type() == StateMachineType.STANDARD) {
            engine.redrive(earlier, processor);
            return earlier;
        }
        Execution child = engine.start(processor, request.apply(inputs.get(index)));
        children.set(index, child);
        engine.mapRunChildStarted(mapRun, child, earlier);
        return child;
    }

    private void finish(Execution child, int index) {
        running--;
        finished++;
        if (done.isDone()) {
            return;
        }
        if (child.status() != ExecutionStatus.SUCCEEDED) {
            failed += itemsPerChild.get(index);
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
