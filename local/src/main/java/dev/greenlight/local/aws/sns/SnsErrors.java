package dev.greenlight.local.aws.sns;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/** SNS's refusals: its error codes drop the {@code Exception} of the class names. */
final class SnsErrors {

    private SnsErrors() {
    }

    static NotFoundException topicNotFound() {
        return AwsErrors.of(NotFoundException.builder(), "NotFound", "Topic does not exist", 404);
    }

    static InvalidParameterException invalid(String what) {
        return AwsErrors.of(InvalidParameterException.builder(), "InvalidParameter", "Invalid parameter: " + what, 400);
    }
}
