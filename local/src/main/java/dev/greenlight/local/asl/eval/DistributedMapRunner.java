package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.DistributedMap;
import dev.greenlight.local.asl.component.ItemBatcher;
import dev.greenlight.local.asl.component.ItemReader;
import dev.greenlight.local.asl.component.MapState;
import dev.greenlight.local.asl.component.ResultWriter;
import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.component.Template;
import dev.greenlight.local.asl.intrinsics.UuidFunction;
import dev.greenlight.local.asl.task.TaskCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Distributed Map (guide, "Distributed Map state"): a Map Run reads the items (from the ItemReader
 * through the S3 integration, else from the input), shapes each with ItemSelector, groups them with
 * ItemBatcher, and runs each item or batch as a child workflow execution with its own history;
 * ResultWriter exports the children's results to S3. Child executions are named
 * {@code MACHINE/LABEL:NAME}, the Map Run {@code ...:mapRun:MACHINE/LABEL:ID}.
 */
final class DistributedMapRunner {

    /** The guide's hard limit on redrives of one Map Run. */
    static final int MAX_MAP_RUN_REDRIVES = 1000;

    private final Engine engine;

    DistributedMapRunner(Engine engine) {
        this.engine = engine;
    }

    CompletableFuture<Outcome> attempt(MapState state, StateContext context, StateData data) {
        JsonNode input = data.effectiveInput(context, null);
        RedrivePoint redrive = context.takeRedrive();
        if (redrive != null && redrive.mapRun() != null) {
            return redrive(state, context, data, input, redrive.mapRun());
        }
        return items(state, context, data, input).thenCompose(items -> run(state, context, data, input, items));
    }

    /**
     * A redriven parent redrives its failed Map Run (guide, "Redriving Map Runs"): the same Map Run, its
     * items not read again, only its unsuccessful children run again; past 1,000 redrives of one Map Run it
     * is States.Runtime. AWS does not publish the cause of that error, nor where MapRunRedriven stands in
     * the history: here it follows the Map state's entry, where MapRunStarted stood.
     */
    private CompletableFuture<Outcome> redrive(MapState state, StateContext context, StateData data, JsonNode input,
            MapRun mapRun) {
        if (mapRun.redriveCount() >= MAX_MAP_RUN_REDRIVES) {
            throw context.fail(StatesError.RUNTIME, "The Map Run '" + mapRun.mapRunArn()
                    + "' has been redriven " + MAX_MAP_RUN_REDRIVES + " times, the most allowed");
        }
        mapRun.redriven(engine.clock().now());
        context.scope.opened(mapRun);
        context.scope.event("MapRunRedriven", "mapRunRedrivenEventDetails", History.details(
                "mapRunArn", mapRun.mapRunArn(), "redriveCount", mapRun.redriveCount()));
        return runChildren(state, context, data, input, mapRun, mapRun.runs().redriven());
    }

    private CompletableFuture<ArrayNode> items(MapState state, StateContext context, StateData data, JsonNode input) {
        ItemReader reader = state.distributed().reader();
        if (reader == null) {
            return CompletableFuture.completedFuture(MapRunner.items(state, context, data, input));
        }
        JsonNode arguments = arguments(reader.arguments(), context, data, input);
        if (ItemReader.MANIFEST.equals(reader.inputType())) {
            Integer maxItems = MapLimits.count(reader.maxItems(),
                    data.resolve(context, reader.maxItems(), context.rawInput), 0);
            return InventoryReading.items(arguments, maxItems, (bucket, key) -> read(state, context,
                    ItemReader.GET_OBJECT, Json.NODES.objectNode().put("Bucket", bucket).put("Key", key)));
        }
        return Attempts.call(() -> read(state, context, reader.resource(), arguments))
                .handle((answer, thrown) -> {
                    if (thrown != null) {
                        throw ItemReading.failed(Recovery.unwrap(thrown).cause());
                    }
                    return ItemReading.items(reader, answer, MapLimits.count(reader.maxItems(),
                            data.resolve(context, reader.maxItems(), context.rawInput), 0));
                });
    }

    /** One call of the reader's S3 resource, as the execution's role. */
    private CompletableFuture<JsonNode> read(MapState state, StateContext context, String resource,
            JsonNode arguments) {
        return engine.integrations().invoke(new TaskCall(state.name(), resource, arguments, 0, null,
                context.scope.run.roleArn(), context.scope.run.execution.name()));
    }

    private static JsonNode arguments(Template template, StateContext context, StateData data, JsonNode input) {
        return template == null ? Json.NODES.objectNode() : data.evaluate(context, template, input);
    }

    private CompletableFuture<Outcome> run(MapState state, StateContext context, StateData data, JsonNode input,
            ArrayNode items) {
        DistributedMap distributed = state.distributed();
        ArrayNode inputs = Json.NODES.arrayNode();
        for (int index = 0; index < items.size(); index++) {
            inputs.add(MapRunner.selected(state, context, data, input, index, items.get(index)));
        }
        ItemBatcher batcher = distributed.batcher();
        if (batcher != null) {
            Template batchInput = batcher.batchInput();
            inputs = ItemBatches.of(inputs,
                    MapLimits.count(batcher.maxItemsPerBatch(),
                            data.resolve(context, batcher.maxItemsPerBatch(), context.rawInput), 1),
                    MapLimits.count(batcher.maxInputBytesPerBatch(),
                            data.resolve(context, batcher.maxInputBytesPerBatch(), context.rawInput), 1),
                    batchInput == null ? null : data.evaluate(context, batchInput, input));
        }
        String machineArn = context.scope.run.execution.stateMachineArn() + "/" + distributed.label();
        String mapRunArn = machineArn.replace(":stateMachine:", ":mapRun:") + ":" + uuid();
        String roleArn = context.scope.run.executionContext().path("Execution").path("RoleArn").asText(null);
        int concurrency = MapLimits.maxConcurrency(state.maxConcurrency(), data.resolve(context,
                state.maxConcurrency(), context.rawInput));
        // The thresholds count items, not child executions (guide, "Tolerated failure threshold").
        int tolerated = MapRunner.tolerance(state, context, data, items.size());
        Double percentage = MapLimits.toleratedFailurePercentage(state.toleratedFailurePercentage(),
                data.resolve(context, state.toleratedFailurePercentage(), context.rawInput));
        List<Integer> itemsPerChild = new ArrayList<>();
        inputs.forEach(child -> itemsPerChild.add(distributed.batcher() == null ? 1 : child.path("Items").size()));
        MapRun mapRun = new MapRun(mapRunArn, context.scope.run.execution.executionArn(), machineArn,
                engine.clock().now(), concurrency, tolerated, percentage == null ? 0 : percentage.floatValue(),
                itemsPerChild);
        engine.mapRunStarted(mapRun);
        context.scope.opened(mapRun);
        context.scope.event("MapRunStarted", "mapRunStartedEventDetails", History.details("mapRunArn", mapRunArn));
        ChildRuns children = new ChildRuns(engine, mapRun, new StateMachine(state.itemProcessor(), null, null, null), inputs,
                childInput -> new StartRequest(machineArn, uuid(), childInput, distributed.executionType(), roleArn),
                concurrency, tolerated, itemsPerChild);
        return runChildren(state, context, data, input, mapRun, children);
    }

    private CompletableFuture<Outcome> runChildren(MapState state, StateContext context, StateData data,
            JsonNode input, MapRun mapRun, ChildRuns children) {
        mapRun.children(children);
        // A parent that stops, times out or fails elsewhere aborts its Map Run and the children still running.
        context.scope.run.execution.completion().whenComplete((parent, thrown) -> engine.clock().execute(() -> {
            mapRun.end(MapRun.Status.ABORTED, engine.clock().now());
            children.stopRunning();
        }));
        return children.start()
                .handle((ended, thrown) -> thrown)
                .thenCompose(thrown -> thrown == null ? result(state, context, data, input, mapRun, children)
                        : failedRunResults(state, context, data, input, mapRun, children, thrown))
                .handle((result, thrown) -> {
                    mapRun.end(thrown == null ? MapRun.Status.SUCCEEDED : MapRun.Status.FAILED, engine.clock().now());
                    if (thrown != null) {
                        StatesException failure = Recovery.unwrap(thrown);
                        context.scope.event("MapRunFailed", "mapRunFailedEventDetails", History.details(
                                "error", failure.error(), "cause", failure.cause()));
                        throw failure;
                    }
                    context.scope.event("MapRunSucceeded", null, null);
                    DataFlow flow = state.dataFlow();
                    return new Outcome(data.output(context, input, result, flow.output(), flow.assign()),
                            state.transition().next());
                });
    }

    /**
     * A failed Map Run still exports what its children did (FAILED, SUCCEEDED, and PENDING for the items never
     * started), once the children it stopped have ended; then the state fails with the run's error.
     */
    private CompletableFuture<JsonNode> failedRunResults(MapState state, StateContext context, StateData data,
            JsonNode input, MapRun mapRun, ChildRuns children, Throwable failure) {
        if (state.distributed().writer() == null || !state.distributed().writer().exports()) {
            return CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        engine.clock().execute(() -> stopped.complete(null));
        return stopped.thenCompose(ignored -> result(state, context, data, input, mapRun, children))
                .handle((written, thrown) -> {
                    throw Recovery.unwrap(failure);
                });
    }

    /** The children's results, or with a ResultWriter where it put them. */
    private CompletableFuture<JsonNode> result(MapState state, StateContext context, StateData data, JsonNode input,
            MapRun mapRun, ChildRuns runs) {
        String mapRunArn = mapRun.mapRunArn();
        List<Execution> children = List.copyOf(runs.started());
        ResultWriter writer = state.distributed().writer();
        if (writer == null) {
            return CompletableFuture.completedFuture(ChildRuns.results(children));
        }
        if (!writer.exports()) {
            ArrayNode results = Json.NODES.arrayNode();
            children.forEach(child -> ResultFiles.add(results, child, writer.transformation()));
            return CompletableFuture.completedFuture(results);
        }
        JsonNode arguments = arguments(writer.arguments(), context, data, input);
        String bucket = arguments.path("Bucket").asText();
        List<ResultFiles.File> files = ResultFiles.of(bucket, arguments.path("Prefix").asText(""), mapRunArn,
                children, runs.inputs(), writer);
        CompletableFuture<JsonNode> written = CompletableFuture.completedFuture(null);
        for (ResultFiles.File file : files) {
            ObjectNode put = Json.NODES.objectNode().put("Bucket", bucket).put("Key", file.key())
                    .put("Body", file.text());
            written = written.thenCompose(previous -> Attempts.call(() -> engine.integrations().invoke(
                    new TaskCall(state.name(), writer.resource(), put, 0, null, context.scope.run.roleArn(),
                            context.scope.run.execution.name()))));
        }
        String manifest = files.get(files.size() - 1).key();
        return written.handle((done, thrown) -> {
            if (thrown != null) {
                // AWS does not publish the cause of States.ResultWriterFailed: this one is ours.
                throw StatesError.RESULT_WRITER_FAILED.withCause(Recovery.unwrap(thrown).cause());
            }
            mapRun.resultsWritten();
            ObjectNode output = Json.NODES.objectNode().put("MapRunArn", mapRunArn);
            output.putObject("ResultWriterDetails").put("Bucket", bucket).put("Key", manifest);
            return output;
        });
    }

    private String uuid() {
        return UuidFunction.uuid(engine.random()).textValue();
    }
}
