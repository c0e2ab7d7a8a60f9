package dev.greenlight.local.twin.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.gateway.AwsCli;
import dev.greenlight.local.testing.RequiredTool;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image pushed to the twin with the stock AWS CLI alone, as the seed write-up's user could: a
 * layer made with tar and gzip, each blob uploaded with the layer-upload API, the manifest put
 * with PutImage. The push is an ECR push like any other: it lists, and a rule on it starts the
 * state machine it targets.
 */
class EcrPushWithTheAwsCliTest {

    private static final Duration STARTED = Duration.ofSeconds(20);
    private static final String ROLE = "arn:aws:iam::123456789012:role/greenlight";

    private static ServedTwin served;
    private static AwsCli aws;

    @BeforeAll
    static void serve() {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH: the CLI push to the twin did not run");
        RequiredTool.assume(onPath("tar") && onPath("gzip"), "tar and gzip are needed to build the layer");
        served = new ServedTwin();
        aws = new AwsCli(served.port());
        // The rule starts the state machine as the target's role, which must allow it, as in AWS.
        served.pipelineRole("{\"Effect\":\"Allow\",\"Action\":\"states:StartExecution\",\"Resource\":\"*\"}");
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void anImagePushedWithTheLayerUploadApiListsAndStartsTheStateMachineARuleTargets(@TempDir Path dir)
            throws Exception {
        aws.run("ecr", "create-repository", "--repository-name", "cli-app").json();
        String machine = aws.run("stepfunctions", "create-state-machine", "--name", "cli-app-pipeline",
                "--role-arn", ROLE, "--definition",
                "{\"StartAt\": \"Done\", \"States\": {\"Done\": {\"Type\": \"Pass\", \"End\": true}}}")
                .json().path("stateMachineArn").asText();
        aws.run("events", "put-rule", "--name", "cli-app-push", "--event-pattern",
                "{\"source\": [\"aws.ecr\"], \"detail-type\": [\"ECR Image Action\"],"
                        + " \"detail\": {\"action-type\": [\"PUSH\"], \"repository-name\": [\"cli-app\"]}}").json();
        aws.run("events", "put-targets", "--rule", "cli-app-push", "--targets",
                "[{\"Id\": \"pipeline\", \"Arn\": \"" + machine + "\", \"RoleArn\": \"" + ROLE + "\"}]").json();

        Path layer = layer(dir);
        String layerDigest = upload(layer);
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Entrypoint\":[\"/app\"],\"Labels\":"
                + "{\"dev.greenlight.profile\":\"healthy\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + sha256(Files.readAllBytes(dir.resolve("layer.tar"))) + "\"]}}";
        Path configFile = Files.writeString(dir.resolve("config.json"), config);
        String configDigest = upload(configFile);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + Files.size(configFile) + "},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + layerDigest + "\",\"size\":"
                + Files.size(layer) + "}]}";
        Path manifestFile = Files.writeString(dir.resolve("manifest.json"), manifest);

        JsonNode put = aws.run("ecr", "put-image", "--repository-name", "cli-app", "--image-tag", "1.0",
                "--image-manifest", "file://" + manifestFile).json();

        String digest = sha256(manifest.getBytes(StandardCharsets.UTF_8));
        assertThat(put.at("/image/imageId/imageDigest").asText()).isEqualTo(digest);
        JsonNode described = aws.run("ecr", "describe-images", "--repository-name", "cli-app").json();
        assertThat(described.at("/imageDetails/0/imageDigest").asText()).isEqualTo(digest);
        assertThat(described.at("/imageDetails/0/imageTags/0").asText()).isEqualTo("1.0");
        assertThat(described.at("/imageDetails/0/imageSizeInBytes").asLong()).isEqualTo(Files.size(layer));
        JsonNode available = aws.run("ecr", "batch-check-layer-availability", "--repository-name", "cli-app",
                "--layer-digests", layerDigest, configDigest).json();
        assertThat(available.at("/layers/1/layerAvailability").asText()).isEqualTo("AVAILABLE");
        JsonNode executions = Polling.until(() -> executions(machine), list -> list.size() > 0, STARTED,
                "an execution of " + machine);
        assertThat(executions).hasSize(1);
    }

    @Test
    void theCliShowsTheLayerUploadRefusals(@TempDir Path dir) throws Exception {
        aws.run("ecr", "create-repository", "--repository-name", "cli-refusals").json();
        Path blob = Files.writeString(dir.resolve("blob"), "not a layer");
        String upload = aws.run("ecr", "initiate-layer-upload", "--repository-name", "cli-refusals").json()
                .path("uploadId").asText();

        AwsCli.Result gap = aws.run("ecr", "upload-layer-part", "--repository-name", "cli-refusals", "--upload-id",
                upload, "--part-first-byte", "5", "--part-last-byte", "15", "--layer-part-blob", "fileb://" + blob);
        AwsCli.Result wrongDigest = aws.run("ecr", "complete-layer-upload", "--repository-name", "cli-refusals",
                "--upload-id", upload, "--layer-digests", sha256(new byte[] {1}));
        String missing = sha256("never uploaded".getBytes(StandardCharsets.UTF_8));
        Path manifest = Files.writeString(dir.resolve("manifest.json"), "{\"schemaVersion\":2,\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + missing + "\",\"size\":14},\"layers\":[]}");
        AwsCli.Result unknownBlob = aws.run("ecr", "put-image", "--repository-name", "cli-refusals", "--image-tag", "x",
                "--image-manifest", "file://" + manifest);

        assertThat(gap.stderr()).contains("An error occurred (InvalidLayerPartException)");
        assertThat(wrongDigest.stderr()).contains("An error occurred (EmptyUploadException)");
        assertThat(unknownBlob.stderr()).contains("An error occurred (LayersNotFoundException)").contains(missing);
    }

    /** A one-file layer: {@code layer.tar} and its gzip, {@code layer.tar.gz}, made by the stock tools. */
    private static Path layer(Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("hello.txt"), "hello from a layer pushed with the AWS CLI\n");
        run(dir, "tar", "-cf", "layer.tar", "hello.txt");
        run(dir, "gzip", "-kn", "layer.tar");
        return dir.resolve("layer.tar.gz");
    }

    /** Uploads a blob in two parts, as a client with a small part size would, and returns its digest. */
    private static String upload(Path blob) throws Exception {
        byte[] bytes = Files.readAllBytes(blob);
        int half = bytes.length / 2;
        Path first = Files.write(blob.resolveSibling(blob.getFileName() + ".part1"), Arrays.copyOf(bytes, half));
        Path second = Files.write(blob.resolveSibling(blob.getFileName() + ".part2"),
                Arrays.copyOfRange(bytes, half, bytes.length));
        String upload = aws.run("ecr", "initiate-layer-upload", "--repository-name", "cli-app").json()
                .path("uploadId").asText();
        aws.run("ecr", "upload-layer-part", "--repository-name", "cli-app", "--upload-id", upload,
                "--part-first-byte", "0", "--part-last-byte", String.valueOf(half - 1),
                "--layer-part-blob", "fileb://" + first).json();
        JsonNode last = aws.run("ecr", "upload-layer-part", "--repository-name", "cli-app", "--upload-id", upload,
                "--part-first-byte", String.valueOf(half), "--part-last-byte", String.valueOf(bytes.length - 1),
                "--layer-part-blob", "fileb://" + second).json();
        assertThat(last.path("lastByteReceived").asLong()).isEqualTo(bytes.length - 1);
        String digest = sha256(bytes);
        JsonNode completed = aws.run("ecr", "complete-layer-upload", "--repository-name", "cli-app",
                "--upload-id", upload, "--layer-digests", digest).json();
        assertThat(completed.path("layerDigest").asText()).isEqualTo(digest);
        return digest;
    }

    private static JsonNode executions(String machine) {
        try {
            return aws.run("stepfunctions", "list-executions", "--state-machine-arn", machine).json().path("executions");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String tool) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(path -> new File(path, tool).canExecute());
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", List.of(command), output).isZero();
    }

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
