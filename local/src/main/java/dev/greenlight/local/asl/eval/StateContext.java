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
import dev.greenlight.local.asl.query.Jsonata;
import java.util.LinkedHashMap;
import java.util.Map;

/** One entry into a state: its raw input, the context object and the scope it reads variables from. */
final class StateContext {

    /** AWS writes context timestamps in UTC with milliseconds, always three digits. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The last time written: in virtual time many states are entered at the same instant, and formatting costs. */
    private static volatile Written lastWritten = new Written(Instant.EPOCH, TIMESTAMP.format(Instant.EPOCH));

    private record Written(Instant time, String text) {
    }

    final Scope scope;
    final State state;
    final JsonNode rawInput;
    final long enteredEventId;
    final Instant enteredTime;
    int retryCount;
    String taskToken;
    JsonNode mapItem;
    /** On a redrive, where this state's branches, iterations or Map Run stopped; taken by its first attempt. */
    RedrivePoint redrive;

    StateContext(Scope scope, State state, JsonNode rawInput, long enteredEventId, Instant enteredTime) {
        this.scope = scope;
        this.state = state;
        this.rawInput = rawInput;
        this.enteredEventId = enteredEventId;
        this.enteredTime = enteredTime;
    }

    /** The redrive point of this state, for its first attempt only: a retry runs everything again. */
    RedrivePoint takeRedrive() {
        RedrivePoint point = redrive;
        redrive = null;
        return point;
    }

    static String timestamp(Instant time) {
        Written last = lastWritten;
        if (!last.time().equals(time)) {
            last = new Written(time, TIMESTAMP.format(time));
            lastWritten = last;
        }
        return last.text();
    }

    /** The context object, {@code $$} in JSONPath and {@code $states.context} in JSONata. */
    ObjectNode contextObject() {
        ObjectNode context = Json.NODES.objectNode();
        context.setAll(scope.run.executionContext());
        context.setAll(stateContext());
        return context;
    }

    /** The context object as JSONata takes it: the execution's part is converted once per execution. */
    private Map<String, Object> plainContextObject() {
        Map<String, Object> context = new LinkedHashMap<>(scope.run.plainExecutionContext());
        Map<String, Object> stateNode = new LinkedHashMap<>();
        stateNode.put("EnteredTime", timestamp(enteredTime));
        stateNode.put("Name", state.name());
        if (canRetry()) {
            stateNode.put("RetryCount", retryCount);
        }
        context.put("State", stateNode);
        if (taskToken != null) {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("Token", taskToken);
            context.put("Task", task);
        }
        if (mapItem != null) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("Item", plainField(mapItem));
            context.put("Map", map);
        }
        return context;
    }

    /** The parts of the context object that belong to this state: State, and Task and Map where they apply. */
    private ObjectNode stateContext() {
        ObjectNode context = Json.NODES.objectNode();
        ObjectNode stateNode = context.putObject("State");
        stateNode.put("EnteredTime", timestamp(enteredTime));
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

    /** {@code $states} and every visible variable, for JSONata expressions, converted when an expression needs them. */
    Jsonata.Bindings jsonataBindings(JsonNode result, JsonNode errorOutput) {
        return new JsonataBindings(this, result, errorOutput);
    }

    /** {@code $states}: input, context, and the result or error output where there is one. */
    Map<String, Object> plainStates(JsonNode result, JsonNode errorOutput) {
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("input", plainField(rawInput));
        states.put("context", plainContextObject());
        if (result != null) {
            states.put("result", plainField(result));
        }
        if (errorOutput != null) {
            states.put("errorOutput", plainField(errorOutput));
        }
        return states;
    }

    /** Inside an object JSON null is a Java null to the library, as converting the whole object made it. */
    private static Object plainField(JsonNode value) {
        return value == null || value.isNull() ? null : Jsonata.toPlain(value);
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
