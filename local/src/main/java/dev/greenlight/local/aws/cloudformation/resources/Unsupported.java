package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.AwsErrors;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;

/** The twin's own refusal of a property its service twin does not model (AWS would accept it). */
final class Unsupported {

    private Unsupported() {
    }

    static CloudFormationException property(ResourceRequest request, String property) {
        return AwsErrors.of(CloudFormationException.builder(), "ValidationError", "Property " + property + " of "
                + request.type() + " " + request.logicalId() + " is not supported by the local twin.", 400);
    }
}
