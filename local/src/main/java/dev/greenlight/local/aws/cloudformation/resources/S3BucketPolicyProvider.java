package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/** AWS::S3::BucketPolicy through S3's PutBucketPolicy and DeleteBucketPolicy. Bucket replaces it. */
final class S3BucketPolicyProvider implements ResourceProvider {

    private final S3Client s3;

    S3BucketPolicyProvider(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        put(request);
        return Provisioned.of(request.required("Bucket"));
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        put(request);
        return current;
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        s3.deleteBucketPolicy(r -> r.bucket(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("Bucket");
    }

    private void put(ResourceRequest request) {
        s3.putBucketPolicy(r -> r.bucket(request.required("Bucket"))
                .policy(Documents.json(request.property("PolicyDocument"))));
    }
}
