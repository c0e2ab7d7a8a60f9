package dev.greenlight.local.aws.lambda;

/**
 * The function's runtime could not start, so no handler ran: Invoke answers FunctionError
 * "Unhandled" with Lambda's own error document ({@code Runtime.*} errorType, no stack trace).
 */
final class RuntimeStartFailure extends RuntimeException {

    private final String errorType;

    RuntimeStartFailure(String errorType, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
    }

    String errorType() {
        return errorType;
    }
}
