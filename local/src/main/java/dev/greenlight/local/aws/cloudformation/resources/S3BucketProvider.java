package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * AWS::S3::Bucket through S3: CreateBucket. Versioning, encryption, lifecycle rules and the public
 * access block are recorded with the stack only (the S3 twin does not model them). Ref is the
 * bucket name; BucketName replaces the bucket.
 */
final class S3BucketProvider implements ResourceProvider {

    private final S3Client s3;

    S3BucketProvider(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = request.nameOr("BucketName", 63, true);
        s3.createBucket(r -> r.bucket(name));
        return Provisioned.of(name, "Arn", "arn:aws:s3:::" + name,
                "DomainName", name + ".s3.amazonaws.com",
                "RegionalDomainName", name + ".s3.us-east-1.amazonaws.com",
                "DualStackDomainName", name + ".s3.dualstack.us-east-1.amazonaws.com",
                "WebsiteURL", "http://" + name + ".s3-website-us-east-1.amazonaws.com");
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        s3.deleteBucket(r -> r.bucket(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("BucketName");
    }
}
