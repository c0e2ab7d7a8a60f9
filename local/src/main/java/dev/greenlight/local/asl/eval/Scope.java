package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a program runs: the execution, the variables it sees and its thread in the history.
 * A Parallel branch or Map iteration reads its parent's variables but assigns only its own,
 * as AWS scopes them.
 */
final class Scope {

    final ExecutionRun run;
    final History.Thread thread;
    private final Scope parent;
    private final Map<String, JsonNode> variables = new HashMap<>();
    private volatile boolean cancelled;
    /** The state this scope's program is at, for a redrive; replaced at each transition. */
    private volatile Position position;
    /** The program's output, once it has succeeded. */
    private volatile JsonNode completedOutput;
    /** Where a redrive continues this scope's program, taken when it starts. */
    private RedrivePoint resume;

    /**
     * A state entered and its input; the branches or iterations (child scopes, in order) or the Map Run it
     * started, once it has.
     */
    record Position(String stateName, JsonNode input, List<Scope> children, MapRun mapRun) {
    }

    private Scope(ExecutionRun run, Scope parent, History.Thread thread) {
        this.run = run;
        this.parent = parent;
        this.thread = thread;
    }

    static Scope root(ExecutionRun run) {
        return new Scope(run, null, new History.Thread(0));
    }

    /** A child scope for a branch or iteration, its history thread starting at the parent's last event. */
    Scope child() {
        return new Scope(run, this, thread.fork());
    }

    /** The program is about to enter {@code stateName} with {@code input}. */
    void at(String stateName, JsonNode input) {
        position = new Position(stateName, input, List.of(), null);
    }

    /** The state now running started these branches or iterations; the list may grow as they start. */
    void opened(List<Scope> children) {
        Position at = position;
        position = new Position(at.stateName(), at.input(), children, at.mapRun());
    }

    /** The state now running started this Map Run. */
    void opened(MapRun mapRun) {
        Position at = position;
        position = new Position(at.stateName(), at.input(), at.children(), mapRun);
    }

    Position position() {
        return position;
    }

    void completed(JsonNode output) {
        completedOutput = output;
    }

    JsonNode completedOutput() {
        return completedOutput;
    }

    /** The scope's program continues from {@code point} when it next starts. */
    void resumeAt(RedrivePoint point) {
        resume = point;
    }

    RedrivePoint takeResume() {
        RedrivePoint point = resume;
        resume = null;
        return point;
    }

    /** The variables this scope assigned itself (not its parent's), as they are now. */
    Map<String, JsonNode> ownVariables() {
        return Map.copyOf(variables);
    }

    /** Stops this branch or iteration at its next transition: a sibling failed. */
    void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            if (scope.cancelled) {
                return true;
            }
        }
        return run.isOver();
    }

    JsonNode variable(String name) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            JsonNode value = scope.variables.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Every visible variable, inner ones hiding outer ones: JSONata expressions bind them all. */
    Map<String, JsonNode> visibleVariables() {
        Map<String, JsonNode> all = parent == null ? new HashMap<>() : parent.visibleVariables();
        all.putAll(variables);
        return all;
    }

    void assign(Map<String, JsonNode> values) {
        variables.putAll(values);
    }

    /**
     * Records an event, unless the execution has reached its history limit: then the execution fails instead
     * (see {@link HistoryLimit}), and this event and any after it go unrecorded.
     */
    HistoryEvent event(String type, String detailsField, Supplier<ObjectNode> details) {
        if (run.historyLimit.refuses(run.history.size(), type)) {
            run.engine.failOnHistoryLimit(run);
            return run.history.unrecorded(thread, type);
        }
        return run.history.add(thread, type, detailsField, details);
    }
}
