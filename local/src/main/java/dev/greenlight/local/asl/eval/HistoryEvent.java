package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import java.time.Instant;

/**
 * One event of an execution's history, as GetExecutionHistory returns it: {@code type} is
 * AWS's HistoryEventType ("TaskStateEntered", ...) and {@code details} the object AWS puts
 * under the field {@code detailsField} ("stateEnteredEventDetails", ...), or null.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, String detailsField,
        ObjectNode details) {

    /** The event as GetExecutionHistory's JSON renders it (timestamps in epoch seconds). */
    public ObjectNode toJson() {
        ObjectNode json = Json.NODES.objectNode();
        json.put("timestamp", timestamp.toEpochMilli() / 1000.0);
        json.put("type", type);
        json.put("id", id);
        json.put("previousEventId", previousEventId);
        if (details != null) {
            json.set(detailsField, details);
        }
        return json;
    }
}
