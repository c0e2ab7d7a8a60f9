package dev.greenlight.workers.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The role each alarm's target group plays in this deployment, as the watch step last reported it
 * ({@code $.watch.alarms[].role}: {@code blue} serving production before, {@code green} the
 * replacement, null when it watches neither): alarm names follow target groups, which swap roles
 * from one release to the next, so a reader needs the role to know which version is failing.
 */
public final class AlarmRoles {

    private AlarmRoles() {
    }

    /**
     * Alarm name to role, from the last task answer that gave an alarm a role; empty when none did. A
     * look after the deployment ended knows no roles (all null): the deployment's roles still hold.
     */
    public static Map<String, String> of(List<HistoryEvent> events) {
        Map<String, String> roles = new HashMap<>();
        for (HistoryEvent event : events) {
            if (event.type() == HistoryEventType.TASK_SUCCEEDED) {
                JsonNode output = AuditReport.json(event.taskSucceededEventDetails().output());
                JsonNode payload = output.has("Payload") ? output.get("Payload") : output;
                Map<String, String> reported = reported(payload.path("alarms"));
                if (reported.values().stream().anyMatch(Objects::nonNull)) {
                    roles = reported;
                }
            }
        }
        return roles;
    }

    /**
     * Target group name to role, from the last task answer whose alarms name their target group: the
     * roles of the production split's target groups in this deployment.
     */
    public static Map<String, String> ofTargetGroups(List<HistoryEvent> events) {
        Map<String, String> roles = new HashMap<>();
        for (HistoryEvent event : events) {
            if (event.type() == HistoryEventType.TASK_SUCCEEDED) {
                JsonNode output = AuditReport.json(event.taskSucceededEventDetails().output());
                JsonNode payload = output.has("Payload") ? output.get("Payload") : output;
                Map<String, String> reported = new HashMap<>();
                payload.path("alarms").forEach(alarm -> {
                    if (alarm.hasNonNull("targetGroup") && alarm.hasNonNull("role")) {
                        reported.put(alarm.get("targetGroup").asText(), alarm.get("role").asText());
                    }
                });
                if (!reported.isEmpty()) {
                    roles = reported;
                }
            }
        }
        return roles;
    }

    /** {@code orders-blue-5xx (green) ALARM}; without a role, {@code orders-blue-5xx ALARM}. */
    public static String label(String name, String role, String state) {
        return name + (role == null ? "" : " (" + role + ")") + (state == null ? "" : " " + state);
    }

    /** The same states, each alarm's name followed by its role where one is known; the order kept. */
    public static Map<String, String> labelled(Map<String, String> states, Map<String, String> roles) {
        Map<String, String> labelled = new LinkedHashMap<>();
        states.forEach((name, state) -> labelled.put(label(name, roles.get(name), null), state));
        return labelled;
    }

    /** A watch answer's alarms as labels, {@code name (role) STATE}; null when it is not such a list. */
    public static String labels(JsonNode alarms) {
        if (!alarms.isArray() || alarms.isEmpty() || !alarms.get(0).has("name")) {
            return null;
        }
        List<String> labels = new java.util.ArrayList<>();
        alarms.forEach(alarm -> labels.add(label(alarm.path("name").asText(), text(alarm.path("role")),
                text(alarm.path("state")))));
        return String.join(", ", labels);
    }

    private static Map<String, String> reported(JsonNode alarms) {
        Map<String, String> roles = new HashMap<>();
        if (alarms.isArray()) {
            alarms.forEach(alarm -> {
                if (alarm.has("role") && alarm.hasNonNull("name")) {
                    roles.put(alarm.get("name").asText(), text(alarm.get("role")));
                }
            });
        }
        return roles;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
