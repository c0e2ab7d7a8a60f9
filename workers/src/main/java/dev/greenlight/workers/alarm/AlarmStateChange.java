package dev.greenlight.workers.alarm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The parts of CloudWatch's "CloudWatch Alarm State Change" event that StopOnAlarm reads:
 * {@code detail.alarmName}, {@code detail.state.value} and {@code detail.state.timestamp}
 * ({@code 2019-10-02T17:04:40.985+0000}).
 */
public record AlarmStateChange(@JsonProperty("detail-type") String detailType, Detail detail) {

    public record Detail(String alarmName, State state) {
    }

    public record State(String value, String timestamp) {
    }
}
