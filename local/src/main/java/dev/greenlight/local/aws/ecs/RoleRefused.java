package dev.greenlight.local.aws.ecs;

/**
 * ECS could not act as a role the service names: the role does not trust {@code ecs.amazonaws.com}, or
 * IAM refused the call made as it. The message says which, for the deployment's statusReason.
 */
public final class RoleRefused extends RuntimeException {

    public RoleRefused(String message) {
        super(message);
    }
}
