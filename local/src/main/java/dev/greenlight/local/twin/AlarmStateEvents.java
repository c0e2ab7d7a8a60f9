package dev.greenlight.local.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.aws.cloudwatch.AlarmState;
import dev.greenlight.local.aws.cloudwatch.AlarmStateChange;
import dev.greenlight.local.aws.cloudwatch.AlarmStateListener;
import dev.greenlight.local.aws.eventbridge.EventBridgeTwin;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/** CloudWatch sends every alarm state change to EventBridge as a "CloudWatch Alarm State Change" event. */
final class AlarmStateEvents implements AlarmStateListener {

    /** The event's timestamps: {@code 2019-10-02T17:04:40.985+0000}. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final Supplier<EventBridgeTwin> events;

    AlarmStateEvents(Supplier<EventBridgeTwin> events) {
        this.events = events;
    }

    @Override
    public void onStateChange(AlarmStateChange change) {
        ObjectNode detail = Json.NODES.objectNode();
        detail.put("alarmName", change.alarmName());
        detail.set("state", state(change.state()));
        detail.set("previousState", state(change.previousState()));
        events.get().putServiceEvent("aws.cloudwatch", "CloudWatch Alarm State Change", List.of(change.alarmArn()),
                detail);
    }

    private static ObjectNode state(AlarmState state) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("value", state.value().toString());
        node.put("reason", state.reason());
        node.put("reasonData", state.reasonData());
        node.put("timestamp", TIMESTAMP.format(state.timestamp()));
        return node;
    }
}
