package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One event of an execution's history, as GetExecutionHistory returns it: {@code type} is
 * AWS's HistoryEventType ("TaskStateEntered", ...) and {@code details} the object AWS puts
 * under the field {@code detailsField} ("stateEnteredEventDetails", ...), or null.
 *
 * <p>The details are written out (payloads as JSON text) the first time someone reads them: most executions'
 * histories are never read, and writing every state's input and output as text was most of a transition's cost.
 * The engine never changes a JSON value once a state has produced it, so the text is the same later as it
 * would have been at once.
 */
public final class HistoryEvent {

    private final long id;
    private final long previousEventId;
    private final Instant timestamp;
    private final String type;
    private final String detailsField;
    private Supplier<ObjectNode> pendingDetails;
    private ObjectNode details;

    HistoryEvent(long id, long previousEventId, Instant timestamp, String type, String detailsField,
            Supplier<ObjectNode> details) {
        this.id = id;
        this.previousEventId = previousEventId;
        this.timestamp = timestamp;
        this.type = type;
        this.detailsField = detailsField;
        this.pendingDetails = details;
    }

    public long id() {
        return id;
    }

    public long previousEventId() {
        return previousEventId;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public String type() {
        return type;
    }

    public String detailsField() {
        return detailsField;
    }

    public synchronized ObjectNode details() {
        if (pendingDetails != null) {
            details = pendingDetails.get();
            pendingDetails = null;
        }
        return details;
    }

    /** The event as GetExecutionHistory's JSON renders it (timestamps in epoch seconds). */
    public ObjectNode toJson() {
        ObjectNode json = Json.NODES.objectNode();
        json.put("timestamp", timestamp.toEpochMilli() / 1000.0);
        json.put("type", type);
        json.put("id", id);
        json.put("previousEventId", previousEventId);
        ObjectNode written = details();
        if (written != null) {
            json.set(detailsField, written);
        }
        return json;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HistoryEvent event && id == event.id && previousEventId == event.previousEventId
                && timestamp.equals(event.timestamp) && type.equals(event.type)
                && Objects.equals(detailsField, event.detailsField) && Objects.equals(details(), event.details());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type);
    }

    @Override
    public String toString() {
        return "HistoryEvent[id=" + id + ", previousEventId=" + previousEventId + ", timestamp=" + timestamp
                + ", type=" + type + ", " + detailsField + "=" + details() + "]";
    }
}
