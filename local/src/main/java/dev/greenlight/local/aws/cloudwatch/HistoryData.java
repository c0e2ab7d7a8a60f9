package dev.greenlight.local.aws.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HistoryData JSON of alarm history items, shaped as AWS writes it: for a StateUpdate
 * {@code {"version":"1.0","oldState":{"stateValue","stateReason","stateReasonData"},"newState":{...}}}
 * with the reason data embedded as an object; for a ConfigurationUpdate
 * {@code {"version":"1.0","type":"Create"|"Update"|"Delete","createdAlarm"|"updatedAlarm"|"deletedAlarm":{...}}}.
 */
final class HistoryData {

    private HistoryData() {
    }

    static String stateUpdate(AlarmState oldState, AlarmState newState) {
        ObjectNode data = StateReason.JSON.createObjectNode();
        data.put("version", "1.0");
        data.set("oldState", state(oldState));
        data.set("newState", state(newState));
        return data.toString();
    }

    static String configurationUpdate(ConfigurationChange change, AlarmDefinition alarm) {
        ObjectNode data = StateReason.JSON.createObjectNode();
        data.put("version", "1.0");
        data.put("type", change.type);
        data.set(change.alarmField, alarm(alarm));
        return data.toString();
    }

    /** {@code {"actionState":"Succeeded"|"Failed","stateUpdateTimestamp":millis,"notificationResource":arn,"error"?}}. */
    static String action(String actionArn, AlarmState state, String error) {
        ObjectNode data = StateReason.JSON.createObjectNode();
        data.put("actionState", error == null ? "Succeeded" : "Failed");
        data.put("stateUpdateTimestamp", state.timestamp().toEpochMilli());
        data.put("notificationResource", actionArn);
        if (error != null) {
            data.put("error", error);
        }
        return data.toString();
    }

    private static ObjectNode state(AlarmState state) {
        ObjectNode node = StateReason.JSON.createObjectNode();
        node.put("stateValue", state.value().toString());
        node.put("stateReason", state.reason());
        if (state.reasonData() != null) {
            node.set("stateReasonData", parse(state.reasonData()));
        }
        return node;
    }

    private static ObjectNode alarm(AlarmDefinition alarm) {
        ObjectNode node = StateReason.JSON.createObjectNode();
        node.put("alarmName", alarm.name());
        node.put("alarmArn", alarm.arn());
        node.put("namespace", alarm.metric().namespace());
        node.put("metricName", alarm.metric().metricName());
        var dimensions = node.putArray("dimensions");
        alarm.metric().dimensions().forEach(d -> dimensions.addObject().put("name", d.name()).put("value", d.value()));
        node.put(alarm.extended() ? "extendedStatistic" : "statistic", alarm.statistic());
        node.put("period", alarm.periodSeconds());
        node.put("evaluationPeriods", alarm.evaluationPeriods());
        node.put("datapointsToAlarm", alarm.datapointsToAlarm());
        node.put("threshold", alarm.threshold());
        node.put("comparisonOperator", alarm.comparison().toString());
        node.put("treatMissingData", alarm.treatMissingData().value());
        node.put("actionsEnabled", alarm.actionsEnabled());
        alarm.alarmActions().forEach(node.putArray("alarmActions")::add);
        alarm.okActions().forEach(node.putArray("oKActions")::add);
        alarm.insufficientDataActions().forEach(node.putArray("insufficientDataActions")::add);
        return node;
    }

    static JsonNode parse(String json) {
        try {
            return StateReason.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("state reason data is not JSON: " + json, e);
        }
    }
}
