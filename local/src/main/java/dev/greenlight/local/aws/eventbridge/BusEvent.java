package dev.greenlight.local.aws.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.aws.LocalAccount;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** An event on a bus, in the envelope EventBridge gives every event (version "0", whole-second time). */
record BusEvent(String id, String detailType, String source, Instant time, List<String> resources,
        JsonNode detail, Instant ingestionTime) {

    BusEvent {
        resources = List.copyOf(resources);
        time = time.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The envelope as targets and patterns see it. */
    ObjectNode toJson() {
        ObjectNode event = withoutDetail();
        event.set("detail", detail.deepCopy());
        return event;
    }

    /** The envelope without {@code detail}: the input transformer's {@code <aws.events.event>}. */
    ObjectNode withoutDetail() {
        ObjectNode event = Json.NODES.objectNode();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", LocalAccount.ID);
        event.put("time", time.toString());
        event.put("region", LocalAccount.REGION);
        resources.forEach(event.putArray("resources")::add);
        return event;
    }
}
