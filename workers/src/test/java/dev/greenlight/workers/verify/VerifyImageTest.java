package dev.greenlight.workers.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.ecr.LocalImage;
import dev.greenlight.local.aws.ecr.PlannedFinding;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.testing.Configs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.OSFamily;

/** VerifyImage against the twin's ECR and ECS: the demo service {@code orders} runs on linux/amd64. */
class VerifyImageTest {

    private static final String REGISTRY = LocalAccount.ID + ".dkr.ecr." + LocalAccount.REGION + ".amazonaws.com";

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"));
    private final VerifyImage verify = new VerifyImage(twin.ecr(), twin.ecs(), new TwinImageConfigs(twin.ecr()));

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void cleanImageByTag_isAcceptedWithItsDigestUriLabelsAndPlatform() {
        String digest = push(image("2.0").withLabels(Map.of("org.opencontainers.image.revision", "abc123")));
        clock.advance(Duration.ofMinutes(1));

        VerifyImage.Output out = verify.apply(input("2.0", null,
                "\"requiredLabels\": [\"org.opencontainers.image.revision\"]"));

        assertThat(out.reasons()).isEmpty();
        assertThat(out.accepted()).isTrue();
        assertThat(out.digest()).isEqualTo(digest);
        assertThat(out.imageUri()).isEqualTo(REGISTRY + "/orders@" + digest);
        assertThat(out.labels()).containsEntry("org.opencontainers.image.revision", "abc123");
        assertThat(out.platform()).isEqualTo("linux/amd64");
        assertThat(out.findings()).isEmpty();
    }

    @Test
    void scanStillRunning_isScanInProgressUntilItCompletes() {
        push(image("2.0"));

        assertThatThrownBy(() -> verify.apply(input("2.0", null, "")))
                .isInstanceOf(ScanInProgress.class)
                .hasMessageContaining("orders@sha256:").hasMessageContaining("IN_PROGRESS");
        clock.advance(Duration.ofSeconds(30));
        assertThat(verify.apply(input("2.0", null, "")).accepted()).isTrue();
    }

    @Test
    void neverScannedOnARepositoryWithoutScanOnPush_startsAScanAndWaitsForIt() {
        twin.ecr().createRepository(r -> r.repositoryName("billing"));
        twin.ecr().push("billing", LocalImage.of("1.0", "healthy"));
        VerifyImage.Input input = new VerifyImage.Input(new ImageRef("billing", "1.0", null), Configs.orders());

        assertThatThrownBy(() -> verify.apply(input)).isInstanceOf(ScanInProgress.class)
                .hasMessageContaining("started a basic scan");
        assertThatThrownBy(() -> verify.apply(input)).isInstanceOf(ScanInProgress.class)
                .hasMessageContaining("IN_PROGRESS");
        clock.advance(Duration.ofMinutes(1));
        assertThat(verify.apply(input).accepted()).isTrue();
    }

    @Test
    void noScanLimits_acceptsWithoutWaitingForTheScan() {
        push(image("2.0"));

        VerifyImage.Output out = verify.apply(input("2.0", null, "\"scan\": {}"));

        assertThat(out.accepted()).isTrue();
        assertThat(out.findings()).isEmpty();
    }

    @Test
    void tagNotInRepository_isRejectedNamingRepositoryAndTag() {
        VerifyImage.Output out = verify.apply(input("9.9", null, ""));

        assertThat(out.accepted()).isFalse();
        assertThat(out.reasons()).singleElement().asString()
                .contains("orders:9.9").contains("repository 'orders'").contains(REGISTRY + "/orders");
        assertThat(out.imageUri()).isNull();
    }

    @Test
    void digestNotInRepository_isRejected() {
        String missing = "sha256:" + "0".repeat(64);

        VerifyImage.Output out = verify.apply(input("2.0", missing, ""));

        assertThat(out.accepted()).isFalse();
        assertThat(out.reasons()).singleElement().asString().contains(missing);
    }

    @Test
    void repositoryMissing_isRejectedNamingIt() {
        VerifyImage.Input input = new VerifyImage.Input(new ImageRef("nope", "1.0", null), Configs.orders());

        assertThat(verify.apply(input).reasons()).singleElement().asString()
                .contains("repository 'nope' does not exist");
    }

    @Test
    void digestWins_overTheTag() {
        String first = push(image("2.0"));
        clock.advance(Duration.ofMinutes(1));

        VerifyImage.Output out = verify.apply(input("1.0", first, ""));

        assertThat(out.accepted()).isTrue();
        assertThat(out.digest()).isEqualTo(first);
    }

    @Test
    void criticalFindingsOverTheLimit_areRejectedWithTheirCves() {
        push(image("2.0").withFindings(List.of(
                new PlannedFinding("CVE-2024-0001", FindingSeverity.CRITICAL, "bad"),
                new PlannedFinding("CVE-2024-0002", FindingSeverity.CRITICAL, "worse"),
                new PlannedFinding("CVE-2024-0003", FindingSeverity.HIGH, "meh"))));
        clock.advance(Duration.ofMinutes(1));

        VerifyImage.Output out = verify.apply(input("2.0", null, ""));

        assertThat(out.accepted()).isFalse();
        assertThat(out.reasons()).containsExactly("2 CRITICAL findings, at most 0 allowed (config.scan.maxCritical): "
                + "CVE-2024-0001, CVE-2024-0002");
        assertThat(out.findings()).containsEntry("CRITICAL", 2).containsEntry("HIGH", 1);
    }

    @Test
    void everyProblem_isReportedAtOnce() {
        push(new LocalImage("2.0", "linux", "arm64", Map.of(), List.of(
                new PlannedFinding("CVE-2024-0009", FindingSeverity.HIGH, "x")), "healthy"));
        clock.advance(Duration.ofMinutes(1));

        VerifyImage.Output out = verify.apply(input("2.0", null,
                "\"scan\": {\"maxCritical\": 0, \"maxHigh\": 0}, \"requiredLabels\": [\"team\", \"git-sha\"]"));

        assertThat(out.accepted()).isFalse();
        assertThat(out.reasons()).hasSize(4);
        assertThat(out.reasons().get(0)).startsWith("1 HIGH finding, at most 0 allowed").endsWith("CVE-2024-0009");
        assertThat(out.reasons().get(1)).contains("built for linux/arm64")
                .contains("task definition orders:1 runs on linux/amd64");
        assertThat(out.reasons().get(2)).startsWith("label 'team' is missing");
        assertThat(out.reasons().get(3)).startsWith("label 'git-sha' is missing");
        assertThat(out.platform()).isEqualTo("linux/arm64");
    }

    @Test
    void armImage_isAcceptedWhenTheTaskDefinitionRunsOnArm() {
        String armTaskDefinition = twin.ecs().registerTaskDefinition(r -> r.family("orders")
                .networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .runtimePlatform(p -> p.cpuArchitecture(CPUArchitecture.ARM64).operatingSystemFamily(OSFamily.LINUX))
                .containerDefinitions(c -> c.name("app").image("x").essential(true)))
                .taskDefinition().taskDefinitionArn();
        twin.ecs().createService(r -> r.cluster("greenlight").serviceName("orders-arm")
                .taskDefinition(armTaskDefinition).desiredCount(0).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0a1b2c3d"))));
        push(new LocalImage("2.0", "linux", "arm64", Map.of(), List.of(), "healthy"));
        clock.advance(Duration.ofMinutes(1));

        VerifyImage.Output out = verify.apply(new VerifyImage.Input(new ImageRef("orders", "2.0", null),
                Configs.withService(Configs.orders(), "orders-arm")));

        assertThat(out.reasons()).isEmpty();
        assertThat(out.platform()).isEqualTo("linux/arm64");
    }

    @Test
    void multiPlatformIndex_isReadThroughTheManifestOfTheServicePlatform() {
        String amd = push(new LocalImage("2.0-amd64", "linux", "amd64", Map.of("team", "payments"), List.of(), "healthy"));
        String arm = push(new LocalImage("2.0-arm64", "linux", "arm64", Map.of(), List.of(), "healthy"));
        String index = putIndex("2.0", entry(amd, "amd64"), entry(arm, "arm64"), attestation(amd));
        clock.advance(Duration.ofMinutes(1));

        VerifyImage.Output out = verify.apply(input("2.0", null, "\"requiredLabels\": [\"team\"]"));

        assertThat(out.reasons()).isEmpty();
        assertThat(out.digest()).isEqualTo(index);
        assertThat(out.imageUri()).endsWith("/orders@" + index);
        assertThat(out.platform()).isEqualTo("linux/amd64,linux/arm64");
        assertThat(out.labels()).containsEntry("team", "payments");
    }

    @Test
    void indexWithoutTheServicePlatform_isRejectedListingWhatItHas() {
        String arm = push(new LocalImage("2.0-arm64", "linux", "arm64", Map.of(), List.of(), "healthy"));
        putIndex("2.0", entry(arm, "arm64"));
        clock.advance(Duration.ofMinutes(1));

        VerifyImage.Output out = verify.apply(input("2.0", null, ""));

        assertThat(out.reasons()).singleElement().asString()
                .contains("built for linux/arm64 but task definition orders:1 runs on linux/amd64");
    }

    @Test
    void inputWithoutTagOrDigest_isRefusedSayingWhatIsNeeded() {
        assertThatThrownBy(() -> verify.apply(input(null, null, "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image.tag or image.digest");
        assertThatThrownBy(() -> verify.apply(new VerifyImage.Input(new ImageRef("orders", "1", null), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"config\" is missing");
    }

    @Test
    void asALambda_readsTheStateInputAndWritesTheContractFields() throws Exception {
        String digest = push(image("2.0"));
        clock.advance(Duration.ofMinutes(1));
        String state = "{\"image\": {\"repository\": \"orders\", \"tag\": \"2.0\"}, \"config\": "
                + dev.greenlight.workers.core.Worker.JSON.writeValueAsString(Configs.orders()) + ", \"extra\": 1}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        verify.handleRequest(new ByteArrayInputStream(state.getBytes(StandardCharsets.UTF_8)), out, null);

        var json = dev.greenlight.workers.core.Worker.JSON.readTree(out.toByteArray());
        assertThat(json.path("accepted").asBoolean()).isTrue();
        assertThat(json.path("digest").asText()).isEqualTo(digest);
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("accepted", "reasons", "digest",
                "imageUri", "findings", "labels", "platform");
    }

    private VerifyImage.Input input(String tag, String digest, String extraConfig) {
        ServiceConfig config = Configs.orders(extraConfig);
        return new VerifyImage.Input(new ImageRef("orders", tag, digest), config);
    }

    private static TestImage image(String tag) {
        return new TestImage(LocalImage.of(tag, "healthy"));
    }

    private String push(TestImage image) {
        return push(image.image());
    }

    private String push(LocalImage image) {
        return twin.ecr().push("orders", image);
    }

    private String putIndex(String tag, String... entries) {
        String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + String.join(",", entries) + "]}";
        return twin.ecr().putImage(r -> r.repositoryName("orders").imageTag(tag).imageManifest(index)
                .imageManifestMediaType("application/vnd.oci.image.index.v1+json")).image().imageId().imageDigest();
    }

    private static String entry(String digest, String architecture) {
        return "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + digest
                + "\",\"size\":100,\"platform\":{\"architecture\":\"" + architecture + "\",\"os\":\"linux\"}}";
    }

    /** What buildx adds to an index: provenance for an image, platform unknown/unknown. */
    private static String attestation(String digest) {
        return "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + digest
                + "\",\"size\":100,\"platform\":{\"architecture\":\"unknown\",\"os\":\"unknown\"}}";
    }

    /** A LocalImage with the builder methods the record lacks. */
    private record TestImage(LocalImage image) {

        TestImage withLabels(Map<String, String> labels) {
            return new TestImage(new LocalImage(image.tag(), image.os(), image.architecture(), labels,
                    image.findings(), image.appProfile()));
        }

        LocalImage withFindings(List<PlannedFinding> findings) {
            return image.withFindings(findings);
        }
    }
}
