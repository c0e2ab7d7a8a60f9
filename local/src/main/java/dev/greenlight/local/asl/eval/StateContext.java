package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.MapState;
import dev.greenlight.local.asl.component.ParallelState;
import dev.greenlight.local.asl.component.State;
import dev.greenlight.local.asl.component.TaskState;
import dev.greenlight.local.asl.query.JsonPaths;
import dev.greenlight.local.asl.query.PathNotFoundException;
import dev.greenlight.local.asl.query.PathReader;
import dev.greenlight.local.asl.query.ScopedPath;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** One entry into a state: its raw input, the context object and the scope it reads variables from. */
final class StateContext {

    /** AWS writes context timestamps in UTC with milliseconds, always three digits. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    final Scope scope;
    final State state;
    final JsonNode rawInput;
    final long enteredEventId;
    final Instant enteredTime;
    int retryCount;
    String taskToken;
    JsonNode mapItem;

    StateContext(Scope scope, State state, JsonNode rawInput, long enteredEventId, Instant enteredTime) {
        this.scope = scope;
        this.state = state;
        this.rawInput = rawInput;
        this.enteredEventId = enteredEventId;
        this.enteredTime = enteredTime;
    }

    /** The context object, {@code $$} in JSONPath and {@code $states.context} in JSONata. */
    ObjectNode contextObject() {
        ObjectNode context = scope.run.executionContext().deepCopy();
        ObjectNode stateNode = context.putObject("State");
        stateNode.put("EnteredTime", TIMESTAMP.format(enteredTime));
        stateNode.put("Name", state.name());
        if (canRetry()) {
            stateNode.put("RetryCount", retryCount);
        }
        if (taskToken != null) {
            context.putObject("Task").put("Token", taskToken);
        }
        if (mapItem != null) {
            context.putObject("Map").set("Item", mapItem);
        }
        return context;
    }

    /** AWS's context object has State.RetryCount only in the states that have Retry: Task, Parallel, Map. */
    private boolean canRetry() {
        return state instanceof TaskState || state instanceof ParallelState || state instanceof MapState;
    }

    /** Reads {@code $} from {@code document}, {@code $$} from the context object, {@code $name} from variables. */
    PathReader reader(JsonNode document) {
        return text -> {
            ScopedPath path = ScopedPath.parse(text);
            JsonNode root = switch (path.scope()) {
                case INPUT -> document;
                case CONTEXT -> contextObject();
                case VARIABLE -> scope.variable(path.variable());
            };
            if (root == null) {
                throw new PathNotFoundException(text);
            }
            return JsonPaths.read(root, path.path());
        };
    }

    /** The value at a path, or AWS's States.Runtime failure naming the path and its normalized form. */
    JsonNode read(JsonNode document, String path) {
        try {
            return reader(document).read(path);
        } catch (PathNotFoundException e) {
            String jsonPath = ScopedPath.parse(path).path();
            throw fail(StatesError.RUNTIME, "Invalid path '" + path + "' : No results for path: "
                    + JsonPaths.compile(jsonPath).getPath());
        }
    }

    /** {@code $states} and every visible variable, for a JSONata expression. */
    Map<String, JsonNode> jsonataBindings(JsonNode result, JsonNode errorOutput) {
        Map<String, JsonNode> bindings = new HashMap<>(scope.visibleVariables());
        ObjectNode states = Json.NODES.objectNode();
        states.set("input", rawInput);
        states.set("context", contextObject());
        if (result != null) {
            states.set("result", result);
        }
        if (errorOutput != null) {
            states.set("errorOutput", errorOutput);
        }
        bindings.put("states", states);
        return bindings;
    }

    /** A failure worded as AWS words failures inside a state. */
    StatesException fail(StatesError error, String detail) {
        return error.withCause(where() + detail);
    }

    /** The same failure, its cause prefixed with where it happened. */
    StatesException fail(StatesException failure) {
        return new StatesException(failure.error(), where() + failure.cause());
    }

    private String where() {
        return "An error occurred while executing the state '" + state.name() + "' (entered at the event id #"
                + enteredEventId + "). ";
    }
}
