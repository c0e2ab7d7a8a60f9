package dev.greenlight.local.twin;

import dev.greenlight.local.aws.iam.enforcement.ResourcePolicies;
import dev.greenlight.local.aws.lambda.LambdaTwin;
import dev.greenlight.local.aws.s3.S3Twin;
import dev.greenlight.local.aws.sns.SnsTwin;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The resource-based policies AWS evaluates beside the caller's, as the twins keep them: an S3
 * bucket's policy (for the bucket and its objects), a Lambda function's policy (for any qualifier
 * of the function), an SNS topic's Policy attribute.
 */
record TwinResourcePolicies(S3Twin s3, LambdaTwin lambda, SnsTwin sns) implements ResourcePolicies {

    @Override
    public Optional<String> of(String arn) {
        String[] parts = arn.split(":", 7);
        if (parts.length < 6) {
            return Optional.empty();
        }
        try {
            return switch (parts[2]) {
                case "s3" -> Optional.ofNullable(s3.getBucketPolicy(r -> r.bucket(parts[5].split("/", 2)[0])).policy());
                case "lambda" -> parts.length >= 7 && parts[5].equals("function")
                        ? Optional.ofNullable(lambda.getPolicy(r -> r.functionName(parts[6].split(":", 2)[0])).policy())
                        : Optional.empty();
                case "sns" -> Optional.ofNullable(sns.getTopicAttributes(r -> r.topicArn(arn)).attributes().get("Policy"));
                default -> Optional.empty();
            };
        } catch (AwsServiceException none) {
            return Optional.empty();
        }
    }
}
