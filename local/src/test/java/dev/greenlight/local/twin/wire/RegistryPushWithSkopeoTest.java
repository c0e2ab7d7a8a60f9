package dev.greenlight.local.twin.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.gateway.AwsCli;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.testing.RequiredTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image pushed to the twin's registry with Debian's {@code skopeo}, logged in with the password
 * {@code aws ecr get-login-password} prints: it is an ECR image like one pushed with the API (it
 * lists, its layer downloads from GetDownloadUrlForLayer's URL, its push starts the state machine a
 * rule targets), and {@code skopeo inspect} reads it back; copied as Docker's schema 2 too.
 */
class RegistryPushWithSkopeoTest {

    private static final Duration STARTED = Duration.ofSeconds(20);
    private static final String ROLE = "arn:aws:iam::123456789012:role/greenlight";

    private static ServedTwin served;
    private static AwsCli aws;

    @BeforeAll
    static void serve() {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH: the skopeo push did not run");
        RequiredTool.assume(OciLayout.toolsInstalled(), "skopeo, tar and gzip are needed to push an OCI layout");
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
    void anImageCopiedWithSkopeoIsAnEcrImageThatStartsThePipeline(@TempDir Path dir) throws Exception {
        aws.run("ecr", "create-repository", "--repository-name", "team/skopeo-app").json();
        String machine = aws.run("stepfunctions", "create-state-machine", "--name", "skopeo-pipeline",
                "--role-arn", ROLE, "--definition",
                "{\"StartAt\": \"Done\", \"States\": {\"Done\": {\"Type\": \"Pass\", \"End\": true}}}")
                .json().path("stateMachineArn").asText();
        aws.run("events", "put-rule", "--name", "skopeo-push", "--event-pattern",
                "{\"source\": [\"aws.ecr\"], \"detail-type\": [\"ECR Image Action\"],"
                        + " \"detail\": {\"action-type\": [\"PUSH\"], \"repository-name\": [\"team/skopeo-app\"]}}").json();
        aws.run("events", "put-targets", "--rule", "skopeo-push", "--targets",
                "[{\"Id\": \"pipeline\", \"Arn\": \"" + machine + "\", \"RoleArn\": \"" + ROLE + "\"}]").json();
        OciLayout image = OciLayout.build(dir, "2.0", "healthy", "amd64");
        String password = aws.run("ecr", "get-login-password").stdout().trim();
        String target = "docker://127.0.0.1:" + served.port() + "/team/skopeo-app:2.0";

        OciLayout.run(dir, "skopeo", "--insecure-policy", "copy", image.source(), target,
                "--dest-tls-verify=false", "--dest-creds", "AWS:" + password);

        JsonNode inspected = Json.parse(OciLayout.run(dir, "skopeo", "inspect", "--tls-verify=false",
                "--creds", "AWS:" + password, target));
        assertThat(inspected.path("Digest").asText()).isEqualTo(image.manifestDigest());
        assertThat(inspected.at("/Labels/dev.greenlight.profile").asText()).isEqualTo("healthy");
        assertThat(inspected.path("Architecture").asText()).isEqualTo("amd64");
        JsonNode described = aws.run("ecr", "describe-images", "--repository-name", "team/skopeo-app").json();
        assertThat(described.at("/imageDetails/0/imageDigest").asText()).isEqualTo(image.manifestDigest());
        assertThat(described.at("/imageDetails/0/imageTags/0").asText()).isEqualTo("2.0");
        OciLayout.run(dir, "skopeo", "--insecure-policy", "copy", "--format", "v2s2", image.source(),
                target.replace(":2.0", ":2.0-docker"), "--dest-tls-verify=false", "--dest-creds", "AWS:" + password);
        JsonNode docker = aws.run("ecr", "batch-get-image", "--repository-name", "team/skopeo-app", "--image-ids",
                "imageTag=2.0-docker").json();
        assertThat(docker.at("/images/0/imageManifestMediaType").asText())
                .isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        String url = aws.run("ecr", "get-download-url-for-layer", "--repository-name", "team/skopeo-app",
                "--layer-digest", image.layerDigest()).json().path("downloadUrl").asText();
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.body()).isEqualTo(image.layer());
        JsonNode executions = Polling.until(() -> executions(machine), list -> list.size() >= 2, STARTED,
                "an execution of " + machine + " per push");
        assertThat(executions).hasSize(2);
    }

    @Test
    void theRegistryAsksForEcrsLoginAndSkopeoWithoutItIsRefused(@TempDir Path dir) throws Exception {
        aws.run("ecr", "create-repository", "--repository-name", "locked").json();
        HttpResponse<String> ping = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + served.port() + "/v2/")).build(), HttpResponse.BodyHandlers.ofString());
        OciLayout image = OciLayout.build(dir, "1", "healthy", "amd64");

        Process anonymous = new ProcessBuilder("skopeo", "--insecure-policy", "copy", image.source(),
                "docker://127.0.0.1:" + served.port() + "/locked:1", "--dest-tls-verify=false", "--dest-no-creds")
                .redirectErrorStream(true).start();
        String output = new String(anonymous.getInputStream().readAllBytes());

        assertThat(ping.statusCode()).isEqualTo(401);
        assertThat(ping.headers().firstValue("WWW-Authenticate")).hasValue(
                "Basic realm=\"https://123456789012.dkr.ecr.us-east-1.amazonaws.com/\",service=\"ecr.amazonaws.com\"");
        assertThat(ping.body()).contains("\"code\":\"UNAUTHORIZED\"");
        assertThat(anonymous.waitFor()).isNotZero();
        assertThat(output).containsIgnoringCase("unauthorized");
    }

    private static JsonNode executions(String machine) {
        try {
            return aws.run("stepfunctions", "list-executions", "--state-machine-arn", machine).json().path("executions");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
