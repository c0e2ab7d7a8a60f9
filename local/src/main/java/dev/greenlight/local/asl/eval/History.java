package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The execution history: ids count from 1, and each event's previousEventId is the last event
 * of the same thread of control (a Parallel branch or Map iteration has its own), as AWS links them.
 */
public final class History {

    private final List<HistoryEvent> events = new ArrayList<>();
    private final Supplier<Instant> clock;

    History(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** Appends an event after {@code thread}'s last one and makes it that thread's last. */
    synchronized HistoryEvent add(Thread thread, String type, String detailsField, Supplier<ObjectNode> details) {
        HistoryEvent event = new HistoryEvent(events.size() + 1, thread.lastEventId, clock.get(), type,
                detailsField, details);
        events.add(event);
        thread.lastEventId = event.id();
        return event;
    }

    /** An event past the history limit: the state that made it still runs to its end, but nothing records it. */
    synchronized HistoryEvent unrecorded(Thread thread, String type) {
        return new HistoryEvent(events.size() + 1, thread.lastEventId, clock.get(), type, null, null);
    }

    public synchronized List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    public synchronized int size() {
        return events.size();
    }

    /** A thread of control: the execution, one Parallel branch, one Map iteration. */
    static final class Thread {
        long lastEventId;

        Thread(long lastEventId) {
            this.lastEventId = lastEventId;
        }

        Thread fork() {
            return new Thread(lastEventId);
        }
    }

    /** A details object, built when it is read; payloads go in as JSON text, as AWS writes them. */
    static Supplier<ObjectNode> details(Object... fieldsAndValues) {
        return () -> write(fieldsAndValues);
    }

    private static ObjectNode write(Object... fieldsAndValues) {
        ObjectNode node = Json.NODES.objectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String field = (String) fieldsAndValues[i];
            Object value = fieldsAndValues[i + 1];
            if (value instanceof JsonNode json) {
                node.put(field, Json.write(json));
                if (field.equals("input") || field.equals("output")) {
                    node.putObject(field + "Details").put("truncated", false);
                }
            } else if (value instanceof Number number) {
                node.put(field, number.longValue());
            } else if (value != null) {
                node.put(field, value.toString());
            }
        }
        return node;
    }
}
