package dev.greenlight.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;

/** When an alarm went to ALARM, read from CloudWatch's alarm history as AWS writes it. */
final class AlarmTransitions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlarmTransitions() {
    }

    /** The earliest transition to ALARM at or after {@code since}, among any alarms' history items. */
    static Optional<Instant> firstAlarm(Collection<AlarmHistoryItem> history, Instant since) {
        return history.stream()
                .filter(item -> item.historyItemType() == HistoryItemType.STATE_UPDATE)
                .filter(item -> !item.timestamp().isBefore(since))
                .filter(item -> "ALARM".equals(newState(item.historyData())))
                .map(AlarmHistoryItem::timestamp)
                .min(Instant::compareTo);
    }

    private static String newState(String historyData) {
        try {
            return JSON.readTree(historyData).path("newState").path("stateValue").asText(null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CloudWatch alarm history data is not JSON: " + historyData, e);
        }
    }
}
