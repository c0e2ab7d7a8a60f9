package dev.greenlight.cli.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * One deployment of the demo as it ended.
 *
 * @param error               the execution's error when it failed ({@code Greenlight.AlarmFired}), else null
 * @param userRequests        user requests answered while it ran
 * @param failedUserRequests  of those, the ones users saw fail: the blast radius
 * @param detectionToRollback from the alarm's transition to ALARM to all traffic back on blue; null when no
 *                            alarm fired or traffic never went back
 */
record DeploymentSummary(String version, Outcome outcome, String error, Duration duration, long userRequests,
        long failedUserRequests, Duration detectionToRollback) {

    DeploymentSummary {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }
}
