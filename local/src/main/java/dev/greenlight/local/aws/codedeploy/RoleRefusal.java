package dev.greenlight.local.aws.codedeploy;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A call CodeDeploy made as its deployment group's service role that IAM refused: the deployment fails
 * with {@code IAM_ROLE_PERMISSIONS} (a documented ErrorCode of ErrorInformation). AWS does not publish
 * the message; the twin uses the one CodeDeploy is seen to give, naming the service, followed by the
 * refusal itself so the missing action can be read. The service names are likewise unpublished.
 */
final class RoleRefusal {

    private static final Pattern ACTION = Pattern.compile("not authorized to perform: ([a-z0-9-]+):");
    private static final Map<String, String> SERVICES = Map.of("ecs", "AmazonECS", "lambda", "AWSLambda",
            "elasticloadbalancing", "AmazonElasticLoadBalancing", "cloudwatch", "AmazonCloudWatch", "s3",
            "AmazonS3");

    private RoleRefusal() {
    }

    /** The deployment's error message when {@code failure} is IAM refusing {@code roleArn}, else empty. */
    static Optional<String> message(RuntimeException failure, String roleArn) {
        if (!(failure instanceof AwsServiceException refused) || refused.statusCode() != 403
                || refused.getMessage() == null) {
            return Optional.empty();
        }
        Matcher action = ACTION.matcher(refused.getMessage());
        if (!action.find()) {
            return Optional.empty();
        }
        return Optional.of("The IAM role " + roleArn + " does not give you permission to perform operations in "
                + "the following AWS service: " + SERVICES.getOrDefault(action.group(1), action.group(1))
                + ". Contact your AWS administrator if you need help. If you are an AWS administrator, you can "
                + "grant permissions to your users or groups by creating IAM policies. ("
                + refused.awsErrorDetails().errorMessage() + ")");
    }
}
