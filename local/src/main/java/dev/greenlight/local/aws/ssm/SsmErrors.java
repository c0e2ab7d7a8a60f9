package dev.greenlight.local.aws.ssm;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** Parameter Store's refusals, with the codes SSM's API reference names. */
final class SsmErrors {

    private SsmErrors() {
    }

    static ParameterNotFoundException notFound(String name) {
        // SSM answers ParameterNotFound with an empty message for GetParameter; the name helps a reader more.
        return AwsErrors.of(ParameterNotFoundException.builder(), "ParameterNotFound", "Parameter " + name + " not found.", 400);
    }

    static ParameterAlreadyExistsException exists() {
        return AwsErrors.of(ParameterAlreadyExistsException.builder(), "ParameterAlreadyExists",
                "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.",
                400);
    }

    static SsmException validation(String message) {
        return AwsErrors.of(SsmException.builder(), "ValidationException", message, 400);
    }
}
