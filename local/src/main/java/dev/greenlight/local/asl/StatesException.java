package dev.greenlight.local.asl;

/**
 * A named failure as the state machine sees it: an error name (one of {@link StatesError},
 * a Task's own error such as {@code Lambda.ServiceException}, or a Fail state's error) and a cause.
 */
public class StatesException extends RuntimeException {

    private final String error;
    private final String cause;

    public StatesException(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
