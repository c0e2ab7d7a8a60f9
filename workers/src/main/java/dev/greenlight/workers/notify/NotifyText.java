package dev.greenlight.workers.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.workers.core.PlainText;
import dev.greenlight.workers.core.Worker;

/** What a deployment event says: the EventBridge detail, and the SNS subject and body. */
final class NotifyText {

    private NotifyText() {
    }

    /** {@code {event, service, image, detail}}, the detail of a {@code Greenlight Deployment} event. */
    static ObjectNode eventDetail(NotifyRequest request) {
        ObjectNode detail = Worker.JSON.createObjectNode();
        detail.put("event", request.event().name());
        detail.put("service", request.service());
        detail.set("image", Worker.JSON.valueToTree(request.image()));
        detail.set("detail", request.detail() == null ? Worker.JSON.createObjectNode() : request.detail());
        return detail;
    }

    /** "orders 1.4.2: rolled back - Greenlight.AlarmFired" (SNS subjects are ASCII, so no em dash). */
    static String subject(NotifyRequest request) {
        String subject = PlainText.release(request.service(), request.image()) + ": " + request.event().phrase();
        String error = error(request.detail());
        return PlainText.subject(request.event() == DeploymentEvent.ROLLED_BACK && error != null
                ? subject + " - " + error : subject);
    }

    static String body(NotifyRequest request) {
        return subject(request) + "\n\nService: " + request.service() + "\nImage:   "
                + PlainText.imageReference(request.image()) + "\n\n" + alarmsByRole(request.detail()) + "Detail:\n"
                + PlainText.readable(request.detail()).indent(2);
    }

    /**
     * The watched alarms with the role their target group plays in this deployment, first, since alarm
     * names follow target groups, which swap roles at every release: "orders-blue-5xx (green: the
     * replacement)". Empty when the detail carries no alarms ({@code alarms} or {@code failure.alarms}).
     */
    static String alarmsByRole(JsonNode detail) {
        if (detail == null) {
            return "";
        }
        JsonNode alarms = detail.path("alarms").isArray() ? detail.path("alarms") : detail.path("failure").path("alarms");
        if (!alarms.isArray() || alarms.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("Alarms (blue: served production before; green: the replacement):\n");
        for (JsonNode alarm : alarms) {
            String role = alarm.path("role").isTextual() ? alarm.path("role").asText() : null;
            text.append("  ").append(alarm.path("name").asText()).append(" (")
                    .append(role == null ? "watches neither blue nor green" : role + ": "
                            + ("green".equals(role) ? "the replacement" : "served production before"))
                    .append("): ").append(alarm.path("state").asText());
            if (alarm.path("firedAt").isTextual()) {
                text.append(", fired at ").append(alarm.path("firedAt").asText());
            }
            text.append('\n');
        }
        return text.append('\n').toString();
    }

    /** The named error: {@code error}, or {@code Error} as a Catch's ResultPath passes it. */
    private static String error(JsonNode detail) {
        if (detail == null) {
            return null;
        }
        for (String field : new String[] {"error", "Error"}) {
            if (detail.path(field).isTextual() && !detail.path(field).asText().isBlank()) {
                return detail.path(field).asText();
            }
        }
        return null;
    }
}
