package dev.greenlight.local.aws.cloudwatch;

/** One transition of a metric alarm, as the "CloudWatch Alarm State Change" event reports it. */
public record AlarmStateChange(String alarmName, String alarmArn, AlarmState previousState, AlarmState state) {
}
