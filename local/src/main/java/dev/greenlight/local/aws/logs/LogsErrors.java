package dev.greenlight.local.aws.logs;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** CloudWatch Logs' refusals, with its error codes. */
final class LogsErrors {

    private LogsErrors() {
    }

    static ResourceAlreadyExistsException exists() {
        return AwsErrors.of(ResourceAlreadyExistsException.builder(), "ResourceAlreadyExistsException",
                "The specified log group already exists", 400);
    }

    static ResourceNotFoundException notFound() {
        return AwsErrors.of(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "The specified log group does not exist.", 400);
    }

    static ResourceNotFoundException streamNotFound() {
        return AwsErrors.of(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "The specified log stream does not exist.", 400);
    }

    static ResourceAlreadyExistsException streamExists() {
        return AwsErrors.of(ResourceAlreadyExistsException.builder(), "ResourceAlreadyExistsException",
                "The specified log stream already exists", 400);
    }

    /** AWS's "1 validation error detected" wording for one member's constraint. */
    static InvalidParameterException validation(Object value, String member, String rule) {
        return invalid("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + rule);
    }

    static InvalidParameterException invalid(String message) {
        return AwsErrors.of(InvalidParameterException.builder(), "InvalidParameterException", message, 400);
    }
}
