package dev.greenlight.workers.taskdef;

/** {@code config.container} is not a container of the service's task definition: a configuration to fix. */
public final class ContainerNotFound extends RuntimeException {

    public ContainerNotFound(String message) {
        super(message);
    }
}
