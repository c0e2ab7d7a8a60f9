package dev.greenlight.local.gateway;

/** The gateway refuses a request before any twin sees it; the error goes back in the protocol's shape. */
final class RefusedRequestException extends RuntimeException {

    private final transient ErrorReply error;

    RefusedRequestException(ErrorReply error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    ErrorReply error() {
        return error;
    }
}
