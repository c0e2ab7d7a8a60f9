package dev.greenlight.cli.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * One deployment of the demo as it ended.
 *
 * @param error               the execution's error when it failed ({@code Greenlight.AlarmFired}), else null
 * @param usersPerSecond      the users' request rate on the production listener during the round; 0 for none
 * @param canaryPercent       the share of production traffic green got first
 * @param userRequests        user requests answered while it ran
 * @param failedUserRequests  of those, the ones users saw fail: the blast radius
 * @param timeToDetect        from the first user traffic on green to the alarm's transition to ALARM; null when
 *                            no alarm fired
 * @param detectionToRollback from the alarm's transition to ALARM to all traffic back on blue; null when no
 *                            alarm fired or traffic never went back
 */
record DeploymentSummary(String version, Outcome outcome, String error, Duration duration, double usersPerSecond,
        int canaryPercent, long userRequests, long failedUserRequests, Duration timeToDetect,
        Duration detectionToRollback) {

    DeploymentSummary {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * The most user requests the bad version can have served: the canary's share of the users' rate over
     * the time it was exposed (detection, then rollback). Null when nothing was detected.
     */
    Long blastRadiusBound() {
        if (timeToDetect == null) {
            return null;
        }
        Duration exposed = timeToDetect.plus(detectionToRollback == null ? Duration.ZERO : detectionToRollback);
        return (long) Math.ceil(canaryPercent / 100.0 * usersPerSecond * exposed.toMillis() / 1000.0);
    }
}
