package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;

class AlarmTransitionsTest {

    private static final Instant PUSH = Instant.parse("2026-01-01T00:10:00Z");

    @Test
    void theEarliestTransitionToAlarmSinceThePush_isTheDetection() {
        List<AlarmHistoryItem> history = List.of(
                update("2026-01-01T00:05:00Z", "OK", "ALARM"),
                update("2026-01-01T00:11:00Z", "INSUFFICIENT_DATA", "OK"),
                update("2026-01-01T00:13:00Z", "OK", "ALARM"),
                update("2026-01-01T00:12:00Z", "OK", "ALARM"),
                update("2026-01-01T00:14:00Z", "ALARM", "OK"));

        assertThat(AlarmTransitions.firstAlarm(history, PUSH)).contains(Instant.parse("2026-01-01T00:12:00Z"));
    }

    @Test
    void noTransitionToAlarm_isNoDetection() {
        assertThat(AlarmTransitions.firstAlarm(List.of(update("2026-01-01T00:11:00Z", "INSUFFICIENT_DATA", "OK")),
                PUSH)).isEmpty();
    }

    private static AlarmHistoryItem update(String at, String from, String to) {
        return AlarmHistoryItem.builder().alarmName("orders-green-5xx").timestamp(Instant.parse(at))
                .historyItemType(HistoryItemType.STATE_UPDATE).historySummary("Alarm updated from " + from + " to " + to)
                .historyData("{\"version\":\"1.0\",\"oldState\":{\"stateValue\":\"" + from + "\"},"
                        + "\"newState\":{\"stateValue\":\"" + to + "\"}}")
                .build();
    }
}
