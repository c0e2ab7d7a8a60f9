package dev.greenlight.workers.preflight;

/**
 * "Not yet": the service's deployment group already has an active deployment, and CodeDeploy allows
 * one at a time. The state machine retries Preflight on this name with a fixed interval.
 */
public final class DeploymentInProgress extends RuntimeException {

    public DeploymentInProgress(String message) {
        super(message);
    }
}
