package dev.greenlight.local.aws.cloudwatch;

/**
 * Port through which the twin reports every alarm state transition (evaluation or SetAlarmState),
 * after the transition is recorded in the alarm's history. The EventBridge twin implements it to
 * emit "CloudWatch Alarm State Change" events. Called on the clock, never while the twin holds its lock.
 */
@FunctionalInterface
public interface AlarmStateListener {

    AlarmStateListener NONE = change -> {
    };

    void onStateChange(AlarmStateChange change);
}
