package dev.greenlight.workers.promote;

/**
 * The deployment ended Failed or Stopped before it could be promoted (CodeDeploy stopped it on an
 * alarm, or someone stopped it): nothing to promote; the state machine rolls back, which finds
 * CodeDeploy's own rollback.
 */
public final class DeploymentEnded extends RuntimeException {

    public DeploymentEnded(String deploymentId, String status, String errorCode, String errorMessage) {
        super("deployment " + deploymentId + " ended " + status + (errorCode == null ? "" : " (" + errorCode + ": "
                + errorMessage + ")") + " before it could be promoted");
    }
}
