package dev.greenlight.workers.trigger;

/** The Trigger's input is not an ECR {@code ECR Image Action} event; nothing was started. */
public final class MalformedEvent extends RuntimeException {

    public MalformedEvent(String message) {
        super(message);
    }
}
