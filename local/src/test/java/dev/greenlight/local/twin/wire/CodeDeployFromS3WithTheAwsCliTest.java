package dev.greenlight.local.twin.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.gateway.AwsCli;
import dev.greenlight.local.testing.RequiredTool;
import dev.greenlight.local.twin.DemoService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's way to deploy with the stock AWS CLI alone: the AppSpec is copied to S3 and
 * {@code aws deploy create-deployment --cli-input-json file://deployment.json} names it as an S3
 * revision. The deployment reads it from the S3 twin and starts the new task definition on the fleet.
 */
class CodeDeployFromS3WithTheAwsCliTest {

    private ServedTwin served;
    private AwsCli aws;

    @BeforeEach
    void serve() {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH: the CLI tests of the twin did not run");
        served = new ServedTwin();
        aws = new AwsCli(served.port());
    }

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void anAppSpecCopiedToS3IsDeployedAndItsReplacementRunsOnTheFleet(@TempDir Path dir) throws Exception {
        String image = DemoService.push(served.twin(), "orders", "2.0", "healthy");
        String taskDefinition = DemoService.registerTaskDefinition(served.twin(), "orders", image);
        Path appSpec = Files.writeString(dir.resolve("appspec.yaml"), """
                version: 0.0
                Resources:
                  - TargetService:
                      Type: AWS::ECS::Service
                      Properties:
                        TaskDefinition: "%s"
                        LoadBalancerInfo:
                          ContainerName: "%s"
                          ContainerPort: %d
                """.formatted(taskDefinition, DemoService.CONTAINER, DemoService.CONTAINER_PORT));
        Path deployment = Files.writeString(dir.resolve("deployment.json"), """
                {"applicationName": "orders", "deploymentGroupName": "orders-dg",
                 "revision": {"revisionType": "S3",
                              "s3Location": {"bucket": "orders-releases", "key": "appspec.yaml", "bundleType": "YAML"}}}
                """);

        aws.run("s3api", "create-bucket", "--bucket", "orders-releases").json();
        AwsCli.Result copy = aws.run("s3", "cp", appSpec.toString(), "s3://orders-releases/appspec.yaml");
        assertThat(copy.exit()).as("aws s3 cp failed: %s", copy.stderr()).isZero();
        String id = aws.run("deploy", "create-deployment", "--cli-input-json", "file://" + deployment)
                .json().path("deploymentId").asText();

        JsonNode info = aws.run("deploy", "get-deployment", "--deployment-id", id).json().path("deploymentInfo");
        assertThat(info.at("/revision/s3Location/key").asText()).isEqualTo("appspec.yaml");
        assertThat(info.path("status").asText()).isIn("Created", "Queued", "InProgress");
        Polling.until(() -> installStatus(id), "Succeeded"::equals, Duration.ofSeconds(60),
                "the replacement task set of " + id + " to run healthy");
        JsonNode taskSets = aws.run("ecs", "describe-services", "--cluster", "greenlight", "--services", "orders")
                .json().at("/services/0/taskSets");
        assertThat(StreamSupport.stream(taskSets.spliterator(), false).map(set -> set.path("taskDefinition").asText()))
                .contains(taskDefinition);
    }

    @Test
    void aZipBundleAndAMissingObjectAreRefusedWithCodeDeploysErrors() throws Exception {
        aws.run("s3api", "create-bucket", "--bucket", "orders-releases").json();

        AwsCli.Result zip = aws.run("deploy", "create-deployment", "--application-name", "orders",
                "--deployment-group-name", "orders-dg",
                "--s3-location", "bucket=orders-releases,key=bundle.zip,bundleType=zip");
        AwsCli.Result missing = aws.run("deploy", "create-deployment", "--application-name", "orders",
                "--deployment-group-name", "orders-dg",
                "--s3-location", "bucket=orders-releases,key=appspec.yaml,bundleType=YAML");

        assertThat(zip.stderr()).contains("An error occurred (InvalidRevisionException)");
        assertThat(missing.stderr()).contains("An error occurred (RevisionDoesNotExistException)");
    }

    private String installStatus(String deploymentId) {
        try {
            JsonNode events = aws.run("deploy", "get-deployment-target", "--deployment-id", deploymentId,
                    "--target-id", "greenlight:orders").json().at("/deploymentTarget/ecsTarget/lifecycleEvents");
            return StreamSupport.stream(events.spliterator(), false)
                    .filter(event -> event.path("lifecycleEventName").asText().equals("Install"))
                    .map(event -> event.path("status").asText()).findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
