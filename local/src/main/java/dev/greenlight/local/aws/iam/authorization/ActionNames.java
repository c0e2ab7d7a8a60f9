package dev.greenlight.local.aws.iam.authorization;

import java.util.Map;
import java.util.Optional;

/**
 * The IAM action an API operation is authorized as. Mostly {@code prefix:Operation}; the
 * exceptions are those the Service Authorization Reference names under another action (S3's
 * "Actions defined by Amazon S3" lists ListObjectsV2 under s3:ListBucket, HeadObject under
 * s3:GetObject and GetBucketEncryption under s3:GetEncryptionConfiguration; Lambda's Invoke is lambda:InvokeFunction). The IAM prefix differs from the SigV4
 * signing name for CloudWatch ({@code monitoring} signs, {@code cloudwatch} authorizes).
 */
final class ActionNames {

    private static final Map<String, String> PREFIX_BY_SIGNING_NAME = Map.of("monitoring", "cloudwatch");

    private static final Map<String, String> ACTION_BY_OPERATION = Map.ofEntries(
            Map.entry("lambda:Invoke", "InvokeFunction"),
            Map.entry("s3:ListObjects", "ListBucket"),
            Map.entry("s3:ListObjectsV2", "ListBucket"),
            Map.entry("s3:ListObjectVersions", "ListBucketVersions"),
            Map.entry("s3:HeadObject", "GetObject"),
            Map.entry("s3:HeadBucket", "ListBucket"),
            Map.entry("s3:DeleteObjects", "DeleteObject"),
            Map.entry("s3:CopyObject", "PutObject"),
            Map.entry("s3:CreateMultipartUpload", "PutObject"),
            Map.entry("s3:UploadPart", "PutObject"),
            Map.entry("s3:CompleteMultipartUpload", "PutObject"),
            Map.entry("s3:AbortMultipartUpload", "AbortMultipartUpload"),
            Map.entry("s3:ListMultipartUploads", "ListBucketMultipartUploads"),
            Map.entry("s3:ListBuckets", "ListAllMyBuckets"),
            Map.entry("s3:GetBucketPolicy", "GetBucketPolicy"),
            Map.entry("s3:GetBucketEncryption", "GetEncryptionConfiguration"),
            Map.entry("s3:DeleteBucketPolicy", "DeleteBucketPolicy"));

    private ActionNames() {
    }

    static String prefix(String signingName) {
        return PREFIX_BY_SIGNING_NAME.getOrDefault(signingName, signingName);
    }

    /** The action's name without its prefix, for operation {@code operation} of the service signed as {@code signingName}. */
    static String actionName(String signingName, String operation) {
        return Optional.ofNullable(ACTION_BY_OPERATION.get(prefix(signingName) + ":" + operation)).orElse(operation);
    }
}
