package dev.greenlight.local.aws.cloudwatch;

import java.util.Map;

/** One transition of a metric alarm, as the "CloudWatch Alarm State Change" event reports it. */
public record AlarmStateChange(String alarmName, String alarmArn, AlarmState previousState, AlarmState state,
        Configuration configuration) {

    /** The alarm's description and its one metric, as the event's {@code detail.configuration} carries them. */
    public record Configuration(String description, String namespace, String metricName,
            Map<String, String> dimensions, int periodSeconds, String stat) {
    }
}
