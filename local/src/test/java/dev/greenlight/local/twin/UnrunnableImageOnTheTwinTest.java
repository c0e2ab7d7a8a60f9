package dev.greenlight.local.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.ecr.LocalImage;
import dev.greenlight.local.clock.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * What an image pushed by any client runs as. An image the fleet cannot run, pushed by a client other than {@code greenlight push}: ECS stops its
 * tasks with the reason as ECS words it, and CodeDeploy fails the deployment in minutes with that reason.
 */
class UnrunnableImageOnTheTwinTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"));

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void unknownProfileLabel_tasksExitAtStartAndTheDeploymentFailsInMinutesWithEcsReason() {
        clock.advance(Duration.ofMinutes(2));
        Instant start = clock.now();

        String deployment = deploy(LocalImage.of("4.0", "bogus"));
        DeploymentInfo failed = runUntilDone(deployment);

        assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(failed.errorInformation().codeAsString()).isEqualTo("ECS_UPDATE_ERROR");
        assertThat(failed.errorInformation().message())
                .contains("EssentialContainerExited: Essential container in task exited")
                .contains("unknown app profile 'bogus'");
        assertThat(Duration.between(start, clock.now())).isLessThan(Duration.ofMinutes(5));
        Task stopped = stoppedTasks().get(0);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(1);
        assertThat(stopped.containers().get(0).reason()).contains("unknown app profile 'bogus'");
    }

    @Test
    void imageForAnotherPlatform_cannotBePulledAndTheDeploymentFailsWithEcsReason() {
        clock.advance(Duration.ofMinutes(2));
        Instant start = clock.now();

        String deployment = deploy(new LocalImage("4.1", "linux", "arm64", Map.of(), List.of(), "healthy"));
        DeploymentInfo failed = runUntilDone(deployment);

        assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(failed.errorInformation().message()).contains("TaskFailedToStart: CannotPullContainerError: "
                + "pull image manifest has been retried 5 time(s): image Manifest does not contain descriptor "
                + "matching platform 'linux/amd64'");
        assertThat(Duration.between(start, clock.now())).isLessThan(Duration.ofMinutes(5));
        Task stopped = stoppedTasks().get(0);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.stoppedReason()).startsWith("CannotPullContainerError: ");
        assertThat(stopped.startedAt()).isNull();
    }

    @Test
    void imageForArm_runsOnATaskDefinitionWhoseRuntimePlatformIsArm64AndAnAmd64OneCannotBePulledThere() {
        clock.advance(Duration.ofMinutes(2));

        DeploymentInfo onArm = runUntilDone(deploy(new LocalImage("4.4", "linux", "arm64", Map.of(), List.of(),
                "healthy"), "ARM64"));
        DeploymentInfo amd64OnArm = runUntilDone(deploy(LocalImage.of("4.5", "healthy"), "ARM64"));

        assertThat(onArm.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(amd64OnArm.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(amd64OnArm.errorInformation().message())
                .contains("descriptor matching platform 'linux/arm64'");
    }

    @Test
    void imageWithNeitherEntrypointNorCmd_exitsAtStartUnlessTheTaskDefinitionGivesACommand() {
        clock.advance(Duration.ofMinutes(2));
        Instant start = clock.now();
        String image = pushWithoutEntrypoint("4.6");

        DeploymentInfo failed = runUntilDone(orders.deploy(twin, DemoService.registerTaskDefinition(twin, "orders",
                image)));

        assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(failed.errorInformation().message())
                .contains("EssentialContainerExited: Essential container in task exited");
        assertThat(Duration.between(start, clock.now())).isLessThan(Duration.ofMinutes(5));
        Task stopped = stoppedTasks().get(0);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.containers().get(0).reason()).contains("No command specified");
        String withCommand = twin.ecs().registerTaskDefinition(r -> r.family("orders").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name(DemoService.CONTAINER).image(image).essential(true)
                        .command("/sample-app").portMappings(p -> p.containerPort(DemoService.CONTAINER_PORT))))
                .taskDefinition().taskDefinitionArn();
        assertThat(runUntilDone(orders.deploy(twin, withCommand)).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
    }

    @Test
    void imageWithoutAProfileLabel_runsHealthyAndIsDeployed() {
        clock.advance(Duration.ofMinutes(2));

        DeploymentInfo done = runUntilDone(deploy(LocalImage.of("4.3", null)));

        assertThat(done.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(stoppedTasks().stream().filter(task -> task.startedAt() == null)).isEmpty();
    }

    @Test
    void anEcrPublicImage_runsAsTheHealthySampleApp_anotherRegistrysCannotBePulled() {
        clock.advance(Duration.ofMinutes(2));

        DeploymentInfo published = runUntilDone(orders.deploy(twin, DemoService.registerTaskDefinition(twin, "orders",
                "public.ecr.aws/docker/library/nginx:stable")));
        DeploymentInfo elsewhere = runUntilDone(orders.deploy(twin, DemoService.registerTaskDefinition(twin, "orders",
                "registry.example.com/nginx:stable")));

        assertThat(published.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(elsewhere.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(stoppedTasks()).anySatisfy(task -> assertThat(task.stoppedReason())
                .startsWith("CannotPullContainerError: ").contains("registry.example.com/nginx:stable"));
    }

    @Test
    void afterTheFailure_blueStillServesAllProductionTraffic() {
        clock.advance(Duration.ofMinutes(2));
        DeploymentInfo failed = runUntilDone(deploy(LocalImage.of("4.2", "bogus")));
        clock.advance(Duration.ofMinutes(1));

        assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(twin.elb().describeListeners(r -> r.listenerArns(orders.productionListenerArn())).listeners()
                .get(0).defaultActions().get(0).forwardConfig().targetGroups())
                .allMatch(group -> group.weight() == 0 || group.targetGroupArn().contains("orders-blue"));
    }

    /** Pushes through the ECR twin's own API, as the SDK or skopeo would, not through greenlight push. */
    private String deploy(LocalImage image) {
        String digest = twin.ecr().push("orders", image);
        String uri = twin.ecr().describeRepositories(r -> r.repositoryNames("orders")).repositories().get(0)
                .repositoryUri() + "@" + digest;
        return orders.deploy(twin, DemoService.registerTaskDefinition(twin, "orders", uri));
    }

    /** A task definition revision on {@code cpuArchitecture}, as the seed's task definitions name it. */
    private String deploy(LocalImage image, String cpuArchitecture) {
        String digest = twin.ecr().push("orders", image);
        String uri = twin.ecr().describeRepositories(r -> r.repositoryNames("orders")).repositories().get(0)
                .repositoryUri() + "@" + digest;
        String definition = twin.ecs().registerTaskDefinition(r -> r.family("orders").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .runtimePlatform(p -> p.cpuArchitecture(cpuArchitecture).operatingSystemFamily("LINUX"))
                .containerDefinitions(c -> c.name(DemoService.CONTAINER).image(uri).essential(true)
                        .portMappings(p -> p.containerPort(DemoService.CONTAINER_PORT))))
                .taskDefinition().taskDefinitionArn();
        return orders.deploy(twin, definition);
    }

    /** An image whose config names nothing to run, pushed with the layer-upload API as a registry client would. */
    private String pushWithoutEntrypoint(String tag) {
        byte[] layer = ("layer " + tag).getBytes(StandardCharsets.UTF_8);
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{}}".getBytes(StandardCharsets.UTF_8);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + upload(config) + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + upload(layer) + "\",\"size\":"
                + layer.length + "}]}";
        String digest = twin.ecr().putImage(r -> r.repositoryName("orders").imageTag(tag).imageManifest(manifest))
                .image().imageId().imageDigest();
        return LocalAccount.ID + ".dkr.ecr." + LocalAccount.REGION + ".amazonaws.com/orders@" + digest;
    }

    private String upload(byte[] blob) {
        String id = twin.ecr().initiateLayerUpload(r -> r.repositoryName("orders")).uploadId();
        twin.ecr().uploadLayerPart(r -> r.repositoryName("orders").uploadId(id).partFirstByte(0L)
                .partLastByte(blob.length - 1L).layerPartBlob(SdkBytes.fromByteArray(blob)));
        try {
            String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
            return twin.ecr().completeLayerUpload(r -> r.repositoryName("orders").uploadId(id).layerDigests(digest))
                    .layerDigest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Task> stoppedTasks() {
        List<String> arns = twin.ecs().listTasks(r -> r.cluster(orders.cluster()).desiredStatus(DesiredStatus.STOPPED))
                .taskArns();
        return twin.ecs().describeTasks(r -> r.cluster(orders.cluster()).tasks(arns)).tasks();
    }

    private DeploymentInfo runUntilDone(String deploymentId) {
        for (int step = 0; step < 120; step++) {
            DeploymentInfo info = twin.codeDeploy().getDeployment(r -> r.deploymentId(deploymentId)).deploymentInfo();
            if (info.status() == DeploymentStatus.FAILED || info.status() == DeploymentStatus.SUCCEEDED
                    || info.status() == DeploymentStatus.STOPPED) {
                return info;
            }
            clock.advance(Duration.ofSeconds(15));
        }
        throw new AssertionError("deployment " + deploymentId + " did not end within 30 minutes");
    }
}
