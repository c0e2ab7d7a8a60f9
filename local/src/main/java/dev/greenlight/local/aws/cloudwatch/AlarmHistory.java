package dev.greenlight.local.aws.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Every alarm's history, kept after the alarm is deleted ("CloudWatch retains the history of an
 * alarm even if you delete the alarm"), and DescribeAlarmHistory's filters over it.
 */
final class AlarmHistory {

    private final List<AlarmHistoryItem> items = new ArrayList<>();

    void stateUpdate(AlarmDefinition alarm, AlarmState oldState, AlarmState newState) {
        add(alarm.name(), newState.timestamp(), HistoryItemType.STATE_UPDATE,
                "Alarm updated from " + oldState.value() + " to " + newState.value(),
                HistoryData.stateUpdate(oldState, newState));
    }

    /** {@code error} is null when the action succeeded. */
    void action(String alarmName, String actionArn, AlarmState state, String error, Instant at) {
        String summary = error == null ? "Successfully executed action " + actionArn
                : "Failed to execute action " + actionArn + ". Received error: \"" + error + "\"";
        add(alarmName, at, HistoryItemType.ACTION, summary, HistoryData.action(actionArn, state, error));
    }

    void configurationUpdate(AlarmDefinition alarm, ConfigurationChange change, Instant at) {
        add(alarm.name(), at, HistoryItemType.CONFIGURATION_UPDATE, "Alarm \"" + alarm.name() + "\" " + change.verb,
                HistoryData.configurationUpdate(change, alarm));
    }

    private void add(String alarmName, Instant at, HistoryItemType type, String summary, String data) {
        items.add(AlarmHistoryItem.builder()
                .alarmName(alarmName)
                .alarmType(AlarmType.METRIC_ALARM)
                .timestamp(at)
                .historyItemType(type)
                .historySummary(summary)
                .historyData(data)
                .build());
    }

    DescribeAlarmHistoryResponse describe(DescribeAlarmHistoryRequest request) {
        int max = Pagination.maxRecords(request.maxRecords());
        int from = Pagination.offset(request.nextToken());
        List<AlarmHistoryItem> matching = items.stream()
                .filter(item -> request.alarmName() == null || item.alarmName().equals(request.alarmName()))
                .filter(item -> request.historyItemType() == null
                        || item.historyItemType() == request.historyItemType())
                .filter(item -> request.startDate() == null || !item.timestamp().isBefore(request.startDate()))
                .filter(item -> request.endDate() == null || !item.timestamp().isAfter(request.endDate()))
                .filter(item -> wantsMetricAlarms(request))
                .sorted(Comparator.comparing(AlarmHistoryItem::timestamp))
                .collect(Collectors.toCollection(ArrayList::new));
        // Newest first by default; reversing the stable ascending order keeps same-instant items newest first too.
        if (request.scanBy() != ScanBy.TIMESTAMP_ASCENDING) {
            Collections.reverse(matching);
        }
        Pagination.Page<AlarmHistoryItem> page = Pagination.page(matching, from, max);
        return DescribeAlarmHistoryResponse.builder().alarmHistoryItems(page.items()).nextToken(page.nextToken())
                .build();
    }

    /** "If you omit this parameter, only metric alarms are returned." */
    private static boolean wantsMetricAlarms(DescribeAlarmHistoryRequest request) {
        return !request.hasAlarmTypes() || request.alarmTypes().isEmpty()
                || request.alarmTypes().contains(AlarmType.METRIC_ALARM);
    }
}
