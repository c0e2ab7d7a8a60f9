package dev.greenlight.local.aws.iam.enforcement;

import dev.greenlight.local.aws.AwsErrors;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * A call signed with temporary credentials that have expired, refused as each service refuses it,
 * whatever the call: before any policy is asked. The JSON protocols answer ExpiredTokenException (403,
 * "Common Errors" of their API references); the services born on the query protocol, and S3, answer
 * ExpiredToken (400), STS's as its twin words it and S3 as its error-code list does ("The provided
 * token has expired."); EC2 RequestExpired. The query services' and EC2's status and wording are not
 * in their references; these are what their clients report.
 */
public final class ExpiredToken {

    private static final String WORDING = "The security token included in the request is expired";
    private static final Set<String> QUERY = Set.of("sts", "iam", "sns", "monitoring", "elasticloadbalancing",
            "cloudformation");
    /** Where the refusal's type is a modeled AccessDenied, the service's base exception. */
    private static final Map<String, Supplier<AwsServiceException.Builder>> BASE = Map.of("ecs", EcsException::builder,
            "events", EventBridgeException::builder, "sns", SnsException::builder);
    private static final Map<String, String> OWN_WORDING = Map.of("s3", "The provided token has expired.",
            "ec2", "Request has expired.");

    private ExpiredToken() {
    }

    /** @param signingName the service as SigV4 names it ({@code lambda}, {@code monitoring}) */
    public static AwsServiceException of(String signingName) {
        AwsServiceException.Builder builder = BASE.containsKey(signingName) ? BASE.get(signingName).get()
                : AccessDenied.builder(signingName);
        String message = OWN_WORDING.getOrDefault(signingName, WORDING);
        if (signingName.equals("ec2")) {
            return AwsErrors.of(builder, "RequestExpired", message, 400);
        }
        if (QUERY.contains(signingName) || signingName.equals("s3")) {
            return AwsErrors.of(builder, "ExpiredToken", message, 400);
        }
        return AwsErrors.of(builder, "ExpiredTokenException", message, 403);
    }
}
