package dev.greenlight.local.asl.task;

import software.amazon.awssdk.core.SdkPojo;

/**
 * Authorizes a call a Task state makes to an AWS service: Step Functions makes it as the state
 * machine's role ({@link TaskCall#roleArn()}), and the service refuses it as it refuses any caller
 * the role's policies do not allow.
 */
@FunctionalInterface
public interface TaskAuthorizer {

    /** Lets every call through: an engine or twin without IAM. */
    TaskAuthorizer NONE = (call, signingName, operation, request) -> { };

    /**
     * @param signingName the service as SigV4 names it ({@code lambda}, {@code s3})
     * @param operation   the API operation ({@code Invoke})
     * @throws software.amazon.awssdk.awscore.exception.AwsServiceException the service's refusal
     */
    void authorize(TaskCall call, String signingName, String operation, SdkPojo request);
}
