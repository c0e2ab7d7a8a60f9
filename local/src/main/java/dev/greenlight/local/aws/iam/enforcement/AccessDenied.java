package dev.greenlight.local.aws.iam.enforcement;

import dev.greenlight.local.aws.AwsErrors;
import dev.greenlight.local.aws.iam.policy.Decision;
import dev.greenlight.local.aws.iam.policy.Principal;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.codedeploy.model.CodeDeployException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.ssm.model.SsmException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * A refusal as each service words it, as the SDK's own exception type (the modeled one where the
 * service models it: ECS's and EventBridge's AccessDeniedException, SNS's AuthorizationError).
 * Codes: AccessDeniedException (403) for the JSON protocols ("Common Errors" of their API
 * references); AccessDenied (403) for the services born on the query protocol and for S3; SNS's
 * AuthorizationError (403); EC2's UnauthorizedOperation (403). The message is AWS's
 * ("Troubleshoot access denied error messages", IAM User Guide); EC2 adds its own lead-in, and its
 * encoded authorization message is not modelled.
 */
final class AccessDenied {

    private record Shape(String code, Supplier<AwsServiceException.Builder> builder) {
    }

    private static final Map<String, Shape> BY_SIGNING_NAME = Map.ofEntries(
            Map.entry("lambda", new Shape("AccessDeniedException", LambdaException::builder)),
            Map.entry("ecs", new Shape("AccessDeniedException", AccessDeniedException::builder)),
            Map.entry("ecr", new Shape("AccessDeniedException", EcrException::builder)),
            Map.entry("codedeploy", new Shape("AccessDeniedException", CodeDeployException::builder)),
            Map.entry("events", new Shape("AccessDeniedException",
                    software.amazon.awssdk.services.eventbridge.model.AccessDeniedException::builder)),
            Map.entry("states", new Shape("AccessDeniedException", SfnException::builder)),
            Map.entry("monitoring", new Shape("AccessDenied", CloudWatchException::builder)),
            Map.entry("elasticloadbalancing", new Shape("AccessDenied", ElasticLoadBalancingV2Exception::builder)),
            Map.entry("iam", new Shape("AccessDenied", IamException::builder)),
            Map.entry("sts", new Shape("AccessDenied", StsException::builder)),
            Map.entry("s3", new Shape("AccessDenied", S3Exception::builder)),
            Map.entry("sns", new Shape("AuthorizationError", AuthorizationErrorException::builder)),
            Map.entry("ec2", new Shape("UnauthorizedOperation", Ec2Exception::builder)),
            Map.entry("ssm", new Shape("AccessDeniedException", SsmException::builder)),
            Map.entry("logs", new Shape("AccessDeniedException", CloudWatchLogsException::builder)),
            Map.entry("cloudformation", new Shape("AccessDenied", CloudFormationException::builder)));

    private AccessDenied() {
    }

    static AwsServiceException of(String signingName, Principal caller, String action, String resource,
            Decision decision) {
        Shape shape = shape(signingName);
        String message = message(caller, action, resource, decision);
        if (signingName.equals("ec2")) {
            message = "You are not authorized to perform this operation. " + message;
        }
        return AwsErrors.of(shape.builder().get(), shape.code(), message, 403);
    }

    /** A builder of the refusal's exception type for the service. */
    static AwsServiceException.Builder builder(String signingName) {
        return shape(signingName).builder().get();
    }

    private static Shape shape(String signingName) {
        Shape shape = BY_SIGNING_NAME.get(signingName);
        if (shape == null) {
            throw new IllegalArgumentException("no refusal known for service " + signingName);
        }
        return shape;
    }

    /** {@code User: ARN is not authorized to perform: ACTION on resource: ARN because ...}. */
    static String message(Principal caller, String action, String resource, Decision decision) {
        String reason = switch (decision) {
            case DENIED_BY_IDENTITY_POLICY -> "with an explicit deny in an identity-based policy";
            case DENIED_BY_RESOURCE_POLICY -> "with an explicit deny in a resource-based policy";
            // A service principal has no identity-based policies: only the resource's can allow it.
            default -> "because no " + (caller.isService() ? "resource" : "identity") + "-based policy allows the "
                    + action + " action";
        };
        return "User: " + caller.arn() + " is not authorized to perform: " + action + " on resource: " + resource + " "
                + reason;
    }
}
