package dev.greenlight.workers.verify;

/**
 * "Not yet": the image's vulnerability scan has not finished (or, on a repository that scans on
 * push, not started). The state machine retries VerifyImage on this name with a fixed interval.
 */
public final class ScanInProgress extends RuntimeException {

    public ScanInProgress(String message) {
        super(message);
    }
}
