package dev.greenlight.local.aws.ec2;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * EC2's refusals: EC2 models no exception types, so every error is an {@link Ec2Exception}
 * with the code of the EC2 API reference's "Error codes" page, HTTP 400. The messages are those
 * EC2 answers; AWS does not publish their exact wording.
 */
final class Ec2Errors {

    private Ec2Errors() {
    }

    static Ec2Exception of(String code, String message) {
        return AwsErrors.of(Ec2Exception.builder(), code, message, 400);
    }

    static Ec2Exception notFound(String kind, String id) {
        return switch (kind) {
            case "vpc" -> of("InvalidVpcID.NotFound", "The vpc ID '" + id + "' does not exist");
            case "subnet" -> of("InvalidSubnetID.NotFound", "The subnet ID '" + id + "' does not exist");
            case "security-group" -> of("InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
            case "internet-gateway" -> of("InvalidInternetGatewayID.NotFound",
                    "The internetGateway ID '" + id + "' does not exist");
            case "route-table" -> of("InvalidRouteTableID.NotFound", "The routeTable ID '" + id + "' does not exist");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static Ec2Exception invalidValue(String parameter, Object value, String why) {
        return of("InvalidParameterValue", "Value (" + value + ") for parameter " + parameter + " is invalid. " + why);
    }

    static Ec2Exception missing(String parameter) {
        return of("MissingParameter", "The request must contain the parameter " + parameter);
    }
}
