package dev.greenlight.local.aws.lambda;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Lambda's errors with their wire codes, messages and HTTP statuses. */
final class LambdaErrors {

    private LambdaErrors() {
    }

    static LambdaException functionNotFound(String arn) {
        return AwsErrors.of(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "Function not found: " + arn, 404);
    }

    static LambdaException notJson(String parserMessage) {
        return AwsErrors.of(InvalidRequestContentException.builder(), "InvalidRequestContentException",
                "Could not parse request body into json: Could not parse payload into json: " + parserMessage, 400);
    }

    static LambdaException tooLarge(int limit) {
        return AwsErrors.of(RequestTooLargeException.builder(), "RequestTooLargeException",
                "Request must be smaller than " + limit + " bytes for the InvokeFunction operation", 413);
    }

    static LambdaException invalidParameter(String message) {
        return AwsErrors.of(InvalidParameterValueException.builder(), "InvalidParameterValueException", message, 400);
    }

    /**
     * A request that breaks the API model's constraints (pattern, range, enum, a required member):
     * Lambda answers {@code ValidationException}, "1 validation error detected: Value 'V' at 'member'
     * failed to satisfy constraint: …"; the SDK has no class for it, so it is a LambdaException.
     */
    static LambdaException validation(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return AwsErrors.of(LambdaException.builder(), "ValidationException", "1 validation error detected: Value "
                + shown + " at '" + member + "' failed to satisfy constraint: " + constraint, 400);
    }

    static LambdaException notFound(String message) {
        return AwsErrors.of(ResourceNotFoundException.builder(), "ResourceNotFoundException", message, 404);
    }

    static LambdaException conflict(String message) {
        return AwsErrors.of(ResourceConflictException.builder(), "ResourceConflictException", message, 409);
    }

    /** UpdateAlias with a RevisionId that is no longer the alias's; AWS's wording is not published. */
    static LambdaException preconditionFailed() {
        return AwsErrors.of(PreconditionFailedException.builder(), "PreconditionFailedException",
                "The Revision Id provided does not match the latest Revision Id. Call the GetAlias API to retrieve"
                        + " the latest Revision Id", 412);
    }
}
