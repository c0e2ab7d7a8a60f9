package dev.greenlight.workers.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** Alarms shown with the role the watch step reported for their target group. */
class AlarmRolesTest {

    private static final String AFTER_ROLLBACK = """
            {"Payload": {"verdict": "ALARM", "alarms": [
              {"name": "orders-blue-5xx", "state": "ALARM", "role": "green"},
              {"name": "orders-green-5xx", "state": "OK", "role": "blue"}]}}""";

    @Test
    void theLastWatchAnswerWithRoles_namesEachAlarmsRole() {
        List<HistoryEvent> events = List.of(
                succeeded(1, """
                        {"Payload": {"alarms": [{"name": "orders-blue-5xx", "state": "OK", "role": "blue"}]}}"""),
                succeeded(2, "{\"Payload\": {\"deploymentId\": \"d-1\"}}"),
                succeeded(3, AFTER_ROLLBACK));

        assertThat(AlarmRoles.of(events)).isEqualTo(Map.of("orders-blue-5xx", "green", "orders-green-5xx", "blue"));
    }

    @Test
    void aLookAfterThePromotion_knowsNoRoles_soTheDeploymentsRolesStillName() {
        List<HistoryEvent> events = List.of(
                succeeded(1, AFTER_ROLLBACK),
                succeeded(2, """
                        {"Payload": {"alarms": [{"name": "orders-blue-5xx", "state": "OK", "role": null},
                          {"name": "orders-green-5xx", "state": "OK", "role": null}]}}"""));

        assertThat(AlarmRoles.of(events)).isEqualTo(Map.of("orders-blue-5xx", "green", "orders-green-5xx", "blue"));
    }

    @Test
    void aWatchWithoutRoles_leavesNamesAsTheyAre() {
        List<HistoryEvent> events = List.of(succeeded(1, """
                {"Payload": {"alarms": [{"name": "orders-blue-5xx", "state": "OK"}]}}"""));
        Map<String, String> states = new LinkedHashMap<>();
        states.put("orders-blue-5xx", "OK");

        assertThat(AlarmRoles.of(events)).isEmpty();
        assertThat(AlarmRoles.labelled(states, AlarmRoles.of(events))).containsExactly(Map.entry("orders-blue-5xx",
                "OK"));
        assertThat(AlarmRoles.label("orders-blue-5xx", null, "OK")).isEqualTo("orders-blue-5xx OK");
    }

    @Test
    void theDemosLine_andStatus_putTheRoleBesideTheName() {
        Map<String, String> states = new LinkedHashMap<>();
        states.put("orders-blue-5xx", "ALARM");
        states.put("orders-green-5xx", "OK");

        assertThat(AlarmRoles.labelled(states, Map.of("orders-blue-5xx", "green", "orders-green-5xx", "blue")))
                .containsExactly(Map.entry("orders-blue-5xx (green)", "ALARM"),
                        Map.entry("orders-green-5xx (blue)", "OK"));
        assertThat(AlarmRoles.label("orders-blue-5xx", "green", "ALARM")).isEqualTo("orders-blue-5xx (green) ALARM");
    }

    @Test
    void theTargetGroupsRoles_comeFromTheLastWatchAnswerThatNamesThem() {
        List<HistoryEvent> events = List.of(
                succeeded(1, """
                        {"Payload": {"alarms": [{"name": "orders-blue-5xx", "role": "blue", "targetGroup": "orders-blue"},
                          {"name": "orders-green-5xx", "role": "green", "targetGroup": "orders-green"}]}}"""),
                succeeded(2, "{\"Payload\": {\"deploymentId\": \"d-1\"}}"));

        assertThat(AlarmRoles.ofTargetGroups(events)).isEqualTo(Map.of("orders-blue", "blue", "orders-green", "green"));
    }

    private static HistoryEvent succeeded(long id, String output) {
        return HistoryEvent.builder().id(id).type(HistoryEventType.TASK_SUCCEEDED).timestamp(Instant.EPOCH)
                .taskSucceededEventDetails(d -> d.resource("invoke").resourceType("lambda").output(output)).build();
    }
}
