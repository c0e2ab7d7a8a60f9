package dev.greenlight.local.aws.cloudwatch;

import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** A metric alarm: its configuration and its current state. */
record Alarm(AlarmDefinition definition, AlarmState state) {

    Alarm withState(AlarmState newState) {
        return new Alarm(definition, newState);
    }

    MetricAlarm toMetricAlarm() {
        return definition.toMetricAlarm(state);
    }
}
