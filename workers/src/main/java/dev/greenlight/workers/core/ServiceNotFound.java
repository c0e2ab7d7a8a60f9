package dev.greenlight.workers.core;

/** The configured ECS service does not exist (or is not ACTIVE) in its cluster: a configuration to fix, not a retry. */
public final class ServiceNotFound extends RuntimeException {

    public ServiceNotFound(String message) {
        super(message);
    }
}
