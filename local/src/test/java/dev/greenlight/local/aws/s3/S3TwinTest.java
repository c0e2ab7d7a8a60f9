package dev.greenlight.local.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3TwinTest {

    private final VirtualClock clock = new VirtualClock();
    private final S3Client s3 = new S3Twin(clock);

    @Test
    void objectsComeBackWithTheirBytesETagTypeAndMetadata() {
        s3.createBucket(r -> r.bucket("artifacts"));
        var put = s3.putObject(r -> r.bucket("artifacts").key("appspec.yaml").contentType("text/yaml")
                .metadata(Map.of("release", "42")), RequestBody.fromString("version: 0.0\n"));

        var got = s3.getObjectAsBytes(r -> r.bucket("artifacts").key("appspec.yaml"));

        assertThat(got.asUtf8String()).isEqualTo("version: 0.0\n");
        assertThat(got.response().eTag()).isEqualTo(put.eTag()).matches("\"[0-9a-f]{32}\"");
        assertThat(got.response().contentType()).isEqualTo("text/yaml");
        assertThat(got.response().metadata()).containsEntry("release", "42");
        assertThat(s3.headObject(r -> r.bucket("artifacts").key("appspec.yaml")).contentLength()).isEqualTo(13L);
    }

    @Test
    void missingBucketsAndKeysAreTheirOwnErrors() {
        assertThatThrownBy(() -> s3.headBucket(r -> r.bucket("nope")))
                .isInstanceOfSatisfying(NoSuchBucketException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        s3.createBucket(r -> r.bucket("artifacts"));
        assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket("artifacts").key("missing")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                    assertThat(e.statusCode()).isEqualTo(404);
                });
        assertThatThrownBy(() -> s3.putObject(r -> r.bucket("nope").key("k"), RequestBody.fromString("x")))
                .isInstanceOf(NoSuchBucketException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Upper", "under_score", "-dash", "dots..dots", "192.168.0.1", "xn--name", "name-s3alias"})
    void bucketNamesOutsideTheRulesAreInvalid(String name) {
        assertThatThrownBy(() -> s3.createBucket(r -> r.bucket(name)))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketName"));
    }

    @Test
    void recreatingYourOwnBucketInUsEast1SucceedsAsAwsDoesForLegacyCompatibility() {
        s3.createBucket(r -> r.bucket("artifacts"));
        s3.putObject(r -> r.bucket("artifacts").key("k"), RequestBody.fromString("x"));

        s3.createBucket(r -> r.bucket("artifacts"));

        assertThat(s3.listObjectsV2(r -> r.bucket("artifacts")).keyCount()).isEqualTo(1);
        assertThatThrownBy(() -> s3.createBucket(r -> r.bucket("other")
                .createBucketConfiguration(c -> c.locationConstraint("us-east-1"))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidLocationConstraint"));
    }

    @Test
    void aBucketWithObjectsCannotBeDeleted() {
        s3.createBucket(r -> r.bucket("artifacts"));
        s3.putObject(r -> r.bucket("artifacts").key("k"), RequestBody.fromString("x"));

        assertThatThrownBy(() -> s3.deleteBucket(r -> r.bucket("artifacts")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                    assertThat(e.statusCode()).isEqualTo(409);
                });
        s3.deleteObject(r -> r.bucket("artifacts").key("k"));
        s3.deleteObject(r -> r.bucket("artifacts").key("k"));
        s3.deleteBucket(r -> r.bucket("artifacts"));
        assertThat(s3.listBuckets().buckets()).isEmpty();
    }

    @Test
    void aMultipartUploadBecomesOneObjectWithS3sMultipartETag() {
        s3.createBucket(r -> r.bucket("artifacts"));
        String id = s3.createMultipartUpload(r -> r.bucket("artifacts").key("big.jar")).uploadId();
        byte[] first = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(first, (byte) 'a');
        String firstTag = s3.uploadPart(r -> r.bucket("artifacts").key("big.jar").uploadId(id).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String lastTag = s3.uploadPart(r -> r.bucket("artifacts").key("big.jar").uploadId(id).partNumber(2),
                RequestBody.fromString("tail")).eTag();

        var done = s3.completeMultipartUpload(r -> r.bucket("artifacts").key("big.jar").uploadId(id)
                .multipartUpload(u -> u.parts(p -> p.partNumber(1).eTag(firstTag), p -> p.partNumber(2).eTag(lastTag))));

        assertThat(done.eTag()).matches("\"[0-9a-f]{32}-2\"");
        var got = s3.getObjectAsBytes(r -> r.bucket("artifacts").key("big.jar"));
        assertThat(got.asByteArray()).hasSize(first.length + 4);
        assertThat(got.response().eTag()).isEqualTo(done.eTag());
        assertThatThrownBy(() -> s3.uploadPart(r -> r.bucket("artifacts").key("big.jar").uploadId(id).partNumber(3),
                RequestBody.fromString("late"))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload"));
    }

    @Test
    void partsOutOfOrderUnknownOrTooSmallAreRefused() {
        s3.createBucket(r -> r.bucket("artifacts"));
        String id = s3.createMultipartUpload(r -> r.bucket("artifacts").key("k")).uploadId();
        String one = s3.uploadPart(r -> r.bucket("artifacts").key("k").uploadId(id).partNumber(1),
                RequestBody.fromString("small")).eTag();
        String two = s3.uploadPart(r -> r.bucket("artifacts").key("k").uploadId(id).partNumber(2),
                RequestBody.fromString("end")).eTag();

        assertCompleteRefused(id, "InvalidPartOrder", p -> p.partNumber(2).eTag(two), p -> p.partNumber(1).eTag(one));
        assertCompleteRefused(id, "InvalidPart", p -> p.partNumber(1).eTag("\"0000\""), p -> p.partNumber(2).eTag(two));
        assertCompleteRefused(id, "EntityTooSmall", p -> p.partNumber(1).eTag(one), p -> p.partNumber(2).eTag(two));
        assertThatThrownBy(() -> s3.uploadPart(r -> r.bucket("artifacts").key("k").uploadId(id).partNumber(10001),
                RequestBody.fromString("x"))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
        s3.abortMultipartUpload(r -> r.bucket("artifacts").key("k").uploadId(id));
        assertThatThrownBy(() -> s3.abortMultipartUpload(r -> r.bucket("artifacts").key("k").uploadId(id)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @SafeVarargs
    private void assertCompleteRefused(String id, String code,
            java.util.function.Consumer<software.amazon.awssdk.services.s3.model.CompletedPart.Builder>... parts) {
        assertThatThrownBy(() -> s3.completeMultipartUpload(r -> r.bucket("artifacts").key("k").uploadId(id)
                .multipartUpload(u -> u.parts(parts)))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
    }

    @Test
    void aBucketPolicyIsKeptWhenItNamesTheBucket() {
        s3.createBucket(r -> r.bucket("artifacts"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::artifacts\",\"arn:aws:s3:::artifacts/*\"],"
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";

        assertThatThrownBy(() -> s3.getBucketPolicy(r -> r.bucket("artifacts")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
                    assertThat(e.statusCode()).isEqualTo(404);
                });
        s3.putBucketPolicy(r -> r.bucket("artifacts").policy(policy));

        assertThat(s3.getBucketPolicy(r -> r.bucket("artifacts")).policy()).isEqualTo(policy);
        for (String bad : new String[] {"not json", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::artifacts\"}]}", policy.replace("arn:aws:s3:::artifacts/*", "arn:aws:s3:::other")}) {
            assertThatThrownBy(() -> s3.putBucketPolicy(r -> r.bucket("artifacts").policy(bad)))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy"));
        }
        s3.deleteBucketPolicy(r -> r.bucket("artifacts"));
        assertThatThrownBy(() -> s3.getBucketPolicy(r -> r.bucket("artifacts"))).isInstanceOf(S3Exception.class);
    }

    @Test
    void listingRollsUpByDelimiterAndPagesWithContinuationTokens() {
        s3.createBucket(r -> r.bucket("listing"));
        for (String key : new String[] {"a.txt", "dir/one", "dir/two", "z.txt", "zz/three"}) {
            s3.putObject(r -> r.bucket("listing").key(key), RequestBody.fromString(key));
        }

        ListObjectsV2Response top = s3.listObjectsV2(r -> r.bucket("listing").delimiter("/"));
        ListObjectsV2Response first = s3.listObjectsV2(r -> r.bucket("listing").maxKeys(2));
        ListObjectsV2Response second = s3.listObjectsV2(r -> r.bucket("listing").maxKeys(2)
                .continuationToken(first.nextContinuationToken()));
        ListObjectsV2Response underDir = s3.listObjectsV2(r -> r.bucket("listing").prefix("dir/"));

        assertThat(top.contents()).extracting(S3Object::key).containsExactly("a.txt", "z.txt");
        assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("dir/", "zz/");
        assertThat(top.keyCount()).isEqualTo(4);
        assertThat(first.contents()).extracting(S3Object::key).containsExactly("a.txt", "dir/one");
        assertThat(first.isTruncated()).isTrue();
        assertThat(second.contents()).extracting(S3Object::key).containsExactly("dir/two", "z.txt");
        assertThat(underDir.contents()).extracting(S3Object::key).containsExactly("dir/one", "dir/two");
        assertThatThrownBy(() -> s3.listObjectsV2(r -> r.bucket("listing").continuationToken("%%%")))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
    }
}
