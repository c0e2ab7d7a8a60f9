package dev.greenlight.workers.core;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * An AWS call that failed for a reason that passes (throttling, a 5xx, the network) after the SDK's
 * own retries: the state machine retries the step with back-off ({@code Retry} on this class name).
 */
public final class TransientAwsError extends RuntimeException {

    public TransientAwsError(SdkException cause) {
        super(cause.getMessage(), cause);
    }

    /** Throttling, a 5xx or the network: worth another try of the step. */
    public static boolean isTransient(SdkException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return false;
    }
}
