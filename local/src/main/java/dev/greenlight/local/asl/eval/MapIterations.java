package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.MapState;
import java.util.concurrent.CompletableFuture;

/** The iterations of one Map state entry: started in order, at most {@code concurrency} at once. */
final class MapIterations {

    interface Iteration {
        CompletableFuture<JsonNode> run(int index, JsonNode item, Scope scope);
    }

    private final MapState state;
    private final StateContext context;
    private final ArrayNode items;
    private final int concurrency;
    private final int tolerated;
    private final Iteration iteration;
    private final JsonNode[] results;
    private final java.util.List<Scope> scopes = new java.util.ArrayList<>();
    private final CompletableFuture<JsonNode> done = new CompletableFuture<>();
    private final RedrivePoint redrive;
    private int next;
    private int running;
    private int finished;
    private int failed;

    MapIterations(MapState state, StateContext context, ArrayNode items, int concurrency, int tolerated,
            Iteration iteration) {
        this.state = state;
        this.context = context;
        this.items = items;
        this.concurrency = concurrency <= 0 ? Integer.MAX_VALUE : concurrency;
        this.tolerated = tolerated;
        this.iteration = iteration;
        this.results = new JsonNode[items.size()];
        this.redrive = context.takeRedrive();
        context.scope.opened(scopes);
    }

    CompletableFuture<JsonNode> start() {
        if (items.isEmpty()) {
            done.complete(Json.NODES.arrayNode());
        }
        launch();
        return done;
    }

    private void launch() {
        while (!done.isDone() && running < concurrency && next < items.size()) {
            int index = next++;
            running++;
            context.scope.event("MapIterationStarted", "mapIterationStartedEventDetails",
                    History.details("name", state.name(), "index", index));
            Scope scope = context.scope.child();
            scopes.add(scope);
            RedrivePoint.Branch earlier = redrive == null ? null : redrive.branch(index);
            Redrives.run(earlier, scope, () -> Attempts.call(() -> iteration.run(index, items.get(index), scope)))
                    .whenComplete((result, thrown) -> context.scope.run.clock().execute(() -> finish(index, result,
                            thrown)));
        }
    }

    private void finish(int index, JsonNode result, Throwable thrown) {
        running--;
        finished++;
        if (done.isDone()) {
            return;
        }
        // The iteration's end event follows the iteration's own last event, as AWS links them.
        context.scope.thread.lastEventId = scopes.get(index).thread.lastEventId;
        if (thrown == null) {
            results[index] = result;
            context.scope.event("MapIterationSucceeded", "mapIterationSucceededEventDetails",
                    History.details("name", state.name(), "index", index));
        } else {
            StatesException failure = Recovery.unwrap(thrown);
            failed++;
            ObjectNode error = Json.NODES.objectNode();
            error.put("Error", failure.error());
            error.put("Cause", failure.cause());
            results[index] = error;
            context.scope.event("MapIterationFailed", "mapIterationFailedEventDetails",
                    History.details("name", state.name(), "index", index));
            if (failed > tolerated) {
                fail(tolerated == 0 ? failure : MapRunner.toleranceExceeded());
                return;
            }
        }
        if (finished == items.size()) {
            ArrayNode array = Json.NODES.arrayNode();
            for (JsonNode value : results) {
                array.add(value);
            }
            done.complete(array);
        } else {
            launch();
        }
    }

    private void fail(StatesException failure) {
        scopes.forEach(Scope::cancel);
        context.scope.event("MapStateFailed", null, null);
        done.completeExceptionally(failure);
    }
}
