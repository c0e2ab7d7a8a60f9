package dev.greenlight.local.asl.eval;

/**
 * SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat refused, with AWS's error code:
 * {@code InvalidToken}, {@code TaskDoesNotExist} or {@code TaskTimedOut}.
 */
public final class TaskTokenException extends RuntimeException {

    private final String code;

    public TaskTokenException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
