package dev.greenlight.workers.promote;

/**
 * The deployment still shifts traffic (or has not started): promoting now would skip part of the
 * canary. WatchDeployment's {@code readyToPromote} says when; the state machine only promotes then.
 */
public final class NotReadyToPromote extends RuntimeException {

    public NotReadyToPromote(String deploymentId, String status) {
        super("deployment " + deploymentId + " is " + status + " and production traffic is not all on green yet: "
                + "promote only when WatchDeployment reports readyToPromote");
    }
}
