package dev.greenlight.local.gateway;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * An error as every protocol reports it: HTTP status, AWS error code and message. A twin's SDK
 * exception keeps the code the SDK models for its class (so the client raises the same type)
 * and the status the twin gave it; anything else the twin throws is the twin's fault, a 500.
 */
record ErrorReply(int status, String code, String message) {

    static final String INTERNAL_FAILURE = "InternalFailure";

    static ErrorReply of(ServiceModel service, Throwable failure) {
        if (failure instanceof AwsServiceException aws) {
            return of(service, aws);
        }
        if (failure instanceof UnsupportedOperationException) {
            return new ErrorReply(501, "NotImplemented", "the local twin does not support this operation");
        }
        return new ErrorReply(500, INTERNAL_FAILURE, "the local twin failed: " + failure);
    }

    static ErrorReply unknownOperation(String name) {
        return new ErrorReply(400, "UnknownOperationException", "unknown operation " + name);
    }

    static ErrorReply unreadable(Exception cause) {
        return unreadable(String.valueOf(cause.getMessage()));
    }

    static ErrorReply unreadable(String reason) {
        return new ErrorReply(400, "SerializationException", "cannot read the request: " + reason);
    }

    /** AWS's common error, with its documented wording. */
    static ErrorReply missingAction() {
        return new ErrorReply(400, "MissingAction", "The request is missing an action or a required parameter.");
    }

    /** AWS's common error; its documented status is 404, although the request, not the resource, is at fault. */
    static ErrorReply malformedQueryString(String detail) {
        return new ErrorReply(404, "MalformedQueryString", "The query string contains a syntax error: " + detail);
    }

    /** Lambda's wording for a payload over its limit; the other services' wording is unpublished. */
    static ErrorReply tooLarge(int limit) {
        return new ErrorReply(413, "RequestEntityTooLargeException", "Request must be smaller than " + limit + " bytes");
    }

    /** AWS's common error for an action its service does not have, here also for a service no twin serves. */
    static ErrorReply noTwinFor(String action, String service) {
        return new ErrorReply(400, "InvalidAction", "The action or operation requested is invalid: no twin serves "
                + action + (service == null ? " (the request names no service in its credential scope)"
                        : " for service " + service) + ". Verify that the action is typed correctly.");
    }

    /** What Lambda, the twins' restJson1 service, answers for a path it does not route. */
    static ErrorReply noRoute(String method, String rawPath) {
        return new ErrorReply(404, "UnknownOperationException",
                "no twin serves " + method + " " + rawPath + "; the twin serves the AWS APIs of its services only");
    }

    boolean isSenderFault() {
        return status < 500;
    }

    private static ErrorReply of(ServiceModel service, AwsServiceException failure) {
        AwsErrorDetails details = failure.awsErrorDetails();
        String message = details != null && details.errorMessage() != null ? details.errorMessage() : failure.getMessage();
        return service.errors().of(failure)
                .map(modeled -> new ErrorReply(failure.statusCode() > 0 ? failure.statusCode() : modeled.status(),
                        modeled.code(), message))
                .orElseGet(() -> unmodeled(failure, details, message));
    }

    /** A service's base exception (for example {@code SnsException}) carries its own code, if any. */
    private static ErrorReply unmodeled(AwsServiceException failure, AwsErrorDetails details, String message) {
        if (details == null || details.errorCode() == null) {
            return new ErrorReply(failure.statusCode() > 0 ? failure.statusCode() : 500, INTERNAL_FAILURE, message);
        }
        return new ErrorReply(failure.statusCode() > 0 ? failure.statusCode() : 400, details.errorCode(), message);
    }
}
