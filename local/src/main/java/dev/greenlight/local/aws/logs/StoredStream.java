package dev.greenlight.local.aws.logs;

import java.util.ArrayList;
import java.util.List;

/** A log stream and its events in the order they were put (each batch is chronological). */
final class StoredStream {

    /** One event as stored, with the time it was ingested and its id. */
    record Event(long timestamp, String message, long ingestionTime, String eventId) {
    }

    final String name;
    final long creationTime;
    final List<Event> events = new ArrayList<>();
    long lastIngestionTime;

    StoredStream(String name, long creationTime) {
        this.name = name;
        this.creationTime = creationTime;
    }
}
