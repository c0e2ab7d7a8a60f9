package dev.greenlight.local.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Builds the SDK's own exception types with AWS's error code, message and HTTP status. */
public final class AwsErrors {

    private AwsErrors() {
    }

    /**
     * For example {@code AwsErrors.of(DeploymentGroupDoesNotExistException.builder(),
     * "DeploymentGroupDoesNotExistException", "No Deployment Group found for name: web", 400)}.
     */
    @SuppressWarnings("unchecked")
    public static <T extends AwsServiceException> T of(AwsServiceException.Builder builder, String errorCode,
            String message, int status) {
        return (T) builder
                .message(message)
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(errorCode)
                        .errorMessage(message)
                        .build())
                .requestId("local")
                .build();
    }
}
