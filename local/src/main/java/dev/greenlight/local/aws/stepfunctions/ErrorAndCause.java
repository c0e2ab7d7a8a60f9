package dev.greenlight.local.aws.stepfunctions;

/** StopExecution's and SendTaskFailure's error (at most 256 characters) and cause (at most 32,768). */
final class ErrorAndCause {

    static final int ERROR_LIMIT = 256;
    static final int CAUSE_LIMIT = 32_768;

    private ErrorAndCause() {
    }

    static void check(String error, String cause) {
        if (error != null && error.length() > ERROR_LIMIT) {
            throw SfnErrors.validation("'" + error + "'", "error", "Member must have length less than or equal to "
                    + ERROR_LIMIT);
        }
        if (cause != null && cause.length() > CAUSE_LIMIT) {
            throw SfnErrors.validation("'" + cause + "'", "cause", "Member must have length less than or equal to "
                    + CAUSE_LIMIT);
        }
    }
}
