package dev.greenlight.workers.backend;

/**
 * The backend does not know the deployment (any more): ECS keeps a service's deployments for 90 days and
 * deletes them with the service, so an old execution's deployment can be gone while its history stays.
 */
public final class DeploymentNotFound extends RuntimeException {

    private final String why;

    /** @param why why the backend does not know it, for a person: {@code "ECS keeps …"} */
    public DeploymentNotFound(String deploymentId, String why) {
        super("no deployment " + deploymentId + ": " + why);
        this.why = why;
    }

    public String why() {
        return why;
    }
}
