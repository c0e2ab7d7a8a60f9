package dev.greenlight.local.aws.s3;

import dev.greenlight.local.testing.RequiredTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.gateway.AwsCli;
import dev.greenlight.local.gateway.SdkClients;
import dev.greenlight.local.gateway.WireGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** S3's restXml over the wire with path-style addressing: the stock AWS CLI and the SDK's S3Client. */
class S3OverTheWireTest {

    private final S3Twin twin = new S3Twin(new VirtualClock());
    private final WireGateway gateway = WireGateway.builder().register(S3Client.class, twin).start(0);
    private final AwsCli aws = new AwsCli(gateway.port());

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void theCliCreatesABucketPutsGetsListsAndDeletes() throws Exception {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH");
        Path appspec = Files.writeString(dir.resolve("appspec.yaml"), "version: 0.0\nResources: []\n");
        Path downloaded = dir.resolve("downloaded.yaml");

        assertThat(aws.run("s3api", "create-bucket", "--bucket", "seed-artifacts").json().get("Location").asText())
                .isEqualTo("/seed-artifacts");
        var put = aws.run("s3api", "put-object", "--bucket", "seed-artifacts", "--key", "deploy/appspec.yaml",
                "--body", appspec.toString(), "--content-type", "text/yaml", "--metadata", "release=42").json();
        var got = aws.run("s3api", "get-object", "--bucket", "seed-artifacts", "--key", "deploy/appspec.yaml",
                downloaded.toString()).json();

        assertThat(Files.readString(downloaded)).isEqualTo("version: 0.0\nResources: []\n");
        assertThat(got.get("ETag").asText()).isEqualTo(put.get("ETag").asText());
        assertThat(got.get("ContentType").asText()).isEqualTo("text/yaml");
        assertThat(got.at("/Metadata/release").asText()).isEqualTo("42");
        assertThat(aws.run("s3api", "head-object", "--bucket", "seed-artifacts", "--key", "deploy/appspec.yaml")
                .json().get("ETag").asText()).isEqualTo(put.get("ETag").asText());
        assertThat(aws.run("s3api", "list-objects-v2", "--bucket", "seed-artifacts", "--prefix", "deploy/").json()
                .at("/Contents/0/Key").asText()).isEqualTo("deploy/appspec.yaml");
        assertThat(aws.run("s3api", "list-buckets").json().at("/Buckets/0/Name").asText()).isEqualTo("seed-artifacts");
        aws.run("s3api", "head-bucket", "--bucket", "seed-artifacts").json();
        assertThat(aws.run("s3api", "delete-bucket", "--bucket", "seed-artifacts").stderr()).contains("(BucketNotEmpty)");
        assertThat(aws.run("s3api", "delete-object", "--bucket", "seed-artifacts", "--key", "deploy/appspec.yaml")
                .exit()).isZero();
        assertThat(aws.run("s3api", "delete-bucket", "--bucket", "seed-artifacts").exit()).isZero();
        assertThat(aws.run("s3api", "get-object", "--bucket", "seed-artifacts", "--key", "k", downloaded.toString())
                .stderr()).contains("(NoSuchBucket)");
        assertThat(aws.run("s3api", "head-bucket", "--bucket", "seed-artifacts").stderr()).contains("404");
    }

    @Test
    void theCliHighLevelCopyAndListWork() throws Exception {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH");
        Path appspec = Files.writeString(dir.resolve("appspec.yaml"), "version: 0.0\n");
        Path back = dir.resolve("back.yaml");

        assertThat(aws.run("s3", "mb", "s3://seed-artifacts").exit()).isZero();
        assertThat(aws.run("s3", "cp", appspec.toString(), "s3://seed-artifacts/deploy/appspec.yaml").exit()).isZero();
        AwsCli.Result listed = aws.run("s3", "ls", "s3://seed-artifacts/deploy/");
        assertThat(aws.run("s3", "cp", "s3://seed-artifacts/deploy/appspec.yaml", back.toString()).exit()).isZero();

        assertThat(listed.stdout()).contains("appspec.yaml");
        assertThat(Files.readString(back)).isEqualTo("version: 0.0\n");
    }

    @Test
    void theCliCopiesAFileOverEightMegabytesInParts() throws Exception {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH");
        byte[] jar = new byte[9 * 1024 * 1024];
        new java.util.Random(7).nextBytes(jar);
        Path big = Files.write(dir.resolve("hook.jar"), jar);
        Path back = dir.resolve("back.jar");
        aws.run("s3", "mb", "s3://seed-artifacts");

        assertThat(aws.run("s3", "cp", big.toString(), "s3://seed-artifacts/hook.jar").exit()).isZero();
        var head = aws.run("s3api", "head-object", "--bucket", "seed-artifacts", "--key", "hook.jar").json();
        assertThat(aws.run("s3", "cp", "s3://seed-artifacts/hook.jar", back.toString()).exit()).isZero();

        assertThat(head.get("ETag").asText()).endsWith("-2\"");
        assertThat(head.get("ContentLength").asLong()).isEqualTo(jar.length);
        assertThat(Files.readAllBytes(back)).isEqualTo(jar);
    }

    @Test
    void bucketPoliciesTravelAsTheirOwnJsonBody() throws Exception {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH");
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"codedeploy.amazonaws.com\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::seed-artifacts/*\"}]}";
        aws.run("s3api", "create-bucket", "--bucket", "seed-artifacts").json();

        assertThat(aws.run("s3api", "put-bucket-policy", "--bucket", "seed-artifacts", "--policy", policy).exit())
                .isZero();
        assertThat(aws.run("s3api", "get-bucket-policy", "--bucket", "seed-artifacts").json().get("Policy").asText())
                .isEqualTo(policy);
        assertThat(aws.run("s3api", "put-bucket-policy", "--bucket", "seed-artifacts", "--policy", "nope").stderr())
                .contains("(MalformedPolicy)");
    }

    @Test
    void theSdkClientReadsAndWritesObjectsPathStyle() {
        try (S3Client s3 = SdkClients.against(gateway, S3Client.builder().forcePathStyle(true))) {
            s3.createBucket(r -> r.bucket("artifacts"));
            s3.putObject(r -> r.bucket("artifacts").key("a/b c+d.txt").metadata(Map.of("team", "web")),
                    RequestBody.fromString("hello"));

            var got = s3.getObjectAsBytes(r -> r.bucket("artifacts").key("a/b c+d.txt"));

            assertThat(got.asUtf8String()).isEqualTo("hello");
            assertThat(got.response().metadata()).containsEntry("team", "web");
            assertThat(twin.objectBytes("artifacts", "a/b c+d.txt")).hasValueSatisfying(
                    bytes -> assertThat(new String(bytes)).isEqualTo("hello"));
            assertThat(s3.listObjectsV2(r -> r.bucket("artifacts")).contents()).hasSize(1);
            String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                    + "\"Resource\":\"arn:aws:s3:::artifacts/*\"}]}";
            s3.putBucketPolicy(r -> r.bucket("artifacts").policy(policy));
            assertThat(s3.getBucketPolicy(r -> r.bucket("artifacts")).policy()).isEqualTo(policy);
            assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket("artifacts").key("missing")))
                    .isInstanceOf(NoSuchKeyException.class);
        }
    }
}
