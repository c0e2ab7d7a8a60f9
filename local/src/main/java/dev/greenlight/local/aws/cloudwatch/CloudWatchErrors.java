package dev.greenlight.local.aws.cloudwatch;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidFormatException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;

/** CloudWatch's errors with the codes and HTTP statuses of the SDK's own exception metadata. */
final class CloudWatchErrors {

    private CloudWatchErrors() {
    }

    static CloudWatchException invalidParameterValue(String message) {
        return AwsErrors.of(InvalidParameterValueException.builder(), "InvalidParameterValue", message, 400);
    }

    static CloudWatchException invalidParameterCombination(String message) {
        return AwsErrors.of(InvalidParameterCombinationException.builder(), "InvalidParameterCombination", message,
                400);
    }

    static CloudWatchException missingParameter(String parameter) {
        return AwsErrors.of(MissingRequiredParameterException.builder(), "MissingParameter",
                "The parameter " + parameter + " is required.", 400);
    }

    /**
     * AWS answers PutMetricAlarm's rule violations with the unmodelled {@code ValidationError}
     * ("Period must be 10, 30 or a multiple of 60", "DatapointsToAlarm must be less than or
     * equal to EvaluationPeriods"), which the SDK surfaces as a plain CloudWatchException.
     */
    static CloudWatchException validationError(String message) {
        return AwsErrors.of(CloudWatchException.builder(), "ValidationError", message, 400);
    }

    /** A member the model marks required, worded as AWS's request validation words it. */
    static CloudWatchException required(String member) {
        return validationError("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    /**
     * AWS's wire code for a missing alarm is {@code ResourceNotFound} (404); the SDK's registry
     * maps that code to DashboardNotFoundErrorException, so that is what a real client receives.
     */
    static CloudWatchException resourceNotFound(String message) {
        return AwsErrors.of(DashboardNotFoundErrorException.builder(), "ResourceNotFound", message, 404);
    }

    static CloudWatchException limitExceeded(String message) {
        return AwsErrors.of(LimitExceededException.builder(), "LimitExceeded", message, 400);
    }

    static CloudWatchException invalidNextToken() {
        return AwsErrors.of(InvalidNextTokenException.builder(), "InvalidNextToken", "The next token is invalid.",
                400);
    }

    static CloudWatchException invalidFormat(String message) {
        return AwsErrors.of(InvalidFormatException.builder(), "InvalidFormat", message, 400);
    }
}
