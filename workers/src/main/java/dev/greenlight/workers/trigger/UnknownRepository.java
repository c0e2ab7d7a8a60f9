package dev.greenlight.workers.trigger;

/** No service of the configuration deploys the pushed repository; nothing was started. */
public final class UnknownRepository extends RuntimeException {

    public UnknownRepository(String message) {
        super(message);
    }
}
