package dev.greenlight.local.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.aws.cloudwatch.AlarmState;
import dev.greenlight.local.aws.cloudwatch.AlarmStateChange;
import dev.greenlight.local.aws.cloudwatch.AlarmStateListener;
import dev.greenlight.local.aws.eventbridge.EventBridgeTwin;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * CloudWatch sends every alarm state change to EventBridge as a "CloudWatch Alarm State Change" event,
 * shaped as CloudWatch's documented single-metric example: {@code detail.alarmName}, {@code configuration}
 * (description and the one metric), {@code previousState} and {@code state}.
 */
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
        detail.set("configuration", configuration(change));
        detail.set("state", state(change.state()));
        detail.set("previousState", state(change.previousState()));
        events.get().putServiceEvent("aws.cloudwatch", "CloudWatch Alarm State Change", List.of(change.alarmArn()),
                detail);
    }

    /**
     * AWS does not document how it makes the metric's {@code id} (its example shows a UUID); a UUID
     * derived from the alarm's ARN keeps it stable here.
     */
    private static ObjectNode configuration(AlarmStateChange change) {
        AlarmStateChange.Configuration alarm = change.configuration();
        ObjectNode configuration = Json.NODES.objectNode();
        if (alarm.description() != null) {
            configuration.put("description", alarm.description());
        }
        ObjectNode metric = configuration.putArray("metrics").addObject();
        metric.put("id", UUID.nameUUIDFromBytes(change.alarmArn().getBytes(StandardCharsets.UTF_8)).toString());
        ObjectNode metricStat = metric.putObject("metricStat");
        ObjectNode named = metricStat.putObject("metric");
        ObjectNode dimensions = named.putObject("dimensions");
        alarm.dimensions().forEach(dimensions::put);
        named.put("name", alarm.metricName());
        named.put("namespace", alarm.namespace());
        metricStat.put("period", alarm.periodSeconds());
        metricStat.put("stat", alarm.stat());
        metric.put("returnData", true);
        return configuration;
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
