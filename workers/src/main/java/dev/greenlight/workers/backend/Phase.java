package dev.greenlight.workers.backend;

/** Where a deployment is, in the pipeline's words; each backend maps its own statuses onto these. */
public enum Phase {
    /** Started, testing green or shifting traffic: not ready to promote yet. */
    DEPLOYING,
    /** All production traffic can be (or is) on green while blue is kept: promoting ends the wait. */
    READY_TO_PROMOTE,
    /** The backend finished the deployment: green serves production and blue is gone. */
    SUCCEEDED,
    /** The deployment ended without succeeding (failed, stopped or rolled back). */
    ENDED_UNSUCCESSFULLY;

    public boolean ended() {
        return this == SUCCEEDED || this == ENDED_UNSUCCESSFULLY;
    }
}
