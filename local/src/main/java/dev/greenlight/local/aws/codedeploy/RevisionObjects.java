package dev.greenlight.local.aws.codedeploy;

import java.util.Optional;

/** Where CodeDeploy reads an S3 revision from: the bytes of an object, empty when the bucket or key is not there. */
@FunctionalInterface
public interface RevisionObjects {

    /** For a CodeDeploy twin with no S3 beside it: every S3 revision is missing. */
    RevisionObjects NONE = (bucket, key) -> Optional.empty();

    Optional<byte[]> bytes(String bucket, String key);
}
