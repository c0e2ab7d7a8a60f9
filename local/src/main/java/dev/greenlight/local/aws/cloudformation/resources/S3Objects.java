package dev.greenlight.local.aws.cloudformation.resources;

import java.util.Optional;

/** Port to the S3 twin's stored objects, for code packages CloudFormation reads from S3. */
public interface S3Objects {

    Optional<byte[]> bytes(String bucket, String key);
}
