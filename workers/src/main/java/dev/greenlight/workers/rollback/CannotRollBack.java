package dev.greenlight.workers.rollback;

/** Production runs the new version and Rollback has no previous version to put back: a person must act. */
public final class CannotRollBack extends RuntimeException {

    public CannotRollBack(String message) {
        super(message);
    }
}
