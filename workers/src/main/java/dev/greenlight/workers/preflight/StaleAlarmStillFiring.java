package dev.greenlight.workers.preflight;

import java.util.List;

/**
 * "Not yet": an alarm on the target group no user is served from is still in ALARM from the version
 * rolled back before. It does not block the release, but the backend would stop the deployment on it,
 * so the state machine retries Preflight until CloudWatch clears it (no data on an idle target group).
 */
public final class StaleAlarmStillFiring extends RuntimeException {

    /** @param stopper who would stop the deployment on it: {@code CodeDeploy's deployment group orders-dg} */
    public StaleAlarmStillFiring(List<String> alarms, String stopper) {
        super("alarm " + String.join(", ", alarms) + " still fires on the target group no user is served from "
                + "(left over from the version rolled back before); " + stopper + " would stop the deployment on "
                + "it, so Preflight is retried until CloudWatch clears it");
    }
}
