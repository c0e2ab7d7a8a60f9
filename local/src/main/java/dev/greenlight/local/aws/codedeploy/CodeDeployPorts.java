package dev.greenlight.local.aws.codedeploy;

import java.time.Duration;
import java.util.Objects;

/**
 * The other services a CodeDeploy deployment reaches, and how often it polls alarms (AWS does not
 * publish its interval; Greenlight's "detection to rollback" measure is stated in these polls).
 */
record CodeDeployPorts(TaskSetRerouting rerouting, HookInvoker hooks, AlarmStates alarms,
        Duration alarmPollInterval) {

    static final Duration DEFAULT_ALARM_POLL_INTERVAL = Duration.ofSeconds(30);

    CodeDeployPorts {
        Objects.requireNonNull(rerouting, "rerouting");
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(alarms, "alarms");
        if (alarmPollInterval == null || alarmPollInterval.isNegative() || alarmPollInterval.isZero()) {
            throw new IllegalArgumentException("alarmPollInterval must be positive: " + alarmPollInterval);
        }
    }
}
