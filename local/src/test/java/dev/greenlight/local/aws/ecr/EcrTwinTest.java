package dev.greenlight.local.aws.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LayersNotFoundException;
import software.amazon.awssdk.services.ecr.model.LimitExceededException;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotEmptyException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.ScanNotFoundException;
import software.amazon.awssdk.services.ecr.model.ScanStatus;

class EcrTwinTest {

    record Emitted(String detailType, List<String> resources, JsonNode detail) {
    }

    private final VirtualClock clock = new VirtualClock();
    private final List<Emitted> emitted = new ArrayList<>();
    private final EcrTwin twin = new EcrTwin(clock, (type, resources, detail) -> emitted.add(new Emitted(type, resources, detail)));
    private final EcrClient client = twin;

    @BeforeEach
    void repositories() {
        client.createRepository(r -> r.repositoryName("orders"));
        client.createRepository(r -> r.repositoryName("frozen").imageTagMutability(ImageTagMutability.IMMUTABLE)
                .imageScanningConfiguration(s -> s.scanOnPush(true)));
    }

    @Test
    void repositoriesAreDescribedWithTheirSettings() {
        var frozen = client.describeRepositories(r -> r.repositoryNames("frozen")).repositories().get(0);

        assertThat(frozen.repositoryArn()).isEqualTo("arn:aws:ecr:us-east-1:123456789012:repository/frozen");
        assertThat(frozen.repositoryUri()).isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/frozen");
        assertThat(frozen.imageTagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE);
        assertThat(frozen.imageScanningConfiguration().scanOnPush()).isTrue();
        assertThat(client.describeRepositories(r -> { }).repositories()).hasSize(2);
    }

    @Test
    void repositoryRefusalsLeaveTheRegistryAsItWas() {
        assertThatThrownBy(() -> client.createRepository(r -> r.repositoryName("orders")))
                .isInstanceOf(RepositoryAlreadyExistsException.class)
                .hasMessageStartingWith("The repository with name 'orders' already exists in the registry with id '123456789012'");
        assertThatThrownBy(() -> client.createRepository(r -> r.repositoryName("Bad_Name")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> client.describeRepositories(r -> r.repositoryNames("ghost")))
                .isInstanceOf(RepositoryNotFoundException.class);
        twin.push("orders", LocalImage.of("1.0", "healthy"));
        assertThatThrownBy(() -> client.deleteRepository(r -> r.repositoryName("orders")))
                .isInstanceOf(RepositoryNotEmptyException.class);

        assertThat(client.describeRepositories(r -> { }).repositories()).extracting(r -> r.repositoryName())
                .containsExactly("orders", "frozen");
        assertThat(client.listImages(r -> r.repositoryName("orders")).imageIds()).hasSize(1);
        client.deleteRepository(r -> r.repositoryName("orders").force(true));
        assertThat(client.describeRepositories(r -> { }).repositories()).hasSize(1);
    }

    @Test
    void pushStoresAnOciImageWhoseDigestIsTheManifestsSha256AndWhoseConfigCarriesTheProfile() {
        String digest = twin.push("orders", new LocalImage("1.4.2", "linux", "arm64", Map.of("team", "payments"),
                List.of(), "slow"));

        var image = client.batchGetImage(r -> r.repositoryName("orders").imageIds(i -> i.imageTag("1.4.2")))
                .images().get(0);
        assertThat(image.imageId().imageDigest()).isEqualTo(digest).isEqualTo(Digests.sha256(image.imageManifest()));
        JsonNode manifest = Json.parse(image.imageManifest());
        JsonNode config = Json.parse(twin.blob("orders", manifest.path("config").path("digest").asText()).orElseThrow());
        assertThat(config.path("config").path("Labels").path(LocalImage.PROFILE_LABEL).asText()).isEqualTo("slow");
        assertThat(config.path("config").path("Labels").path("team").asText()).isEqualTo("payments");
        assertThat(config.path("architecture").asText()).isEqualTo("arm64");
        ImageDetail detail = client.describeImages(r -> r.repositoryName("orders")).imageDetails().get(0);
        assertThat(detail.imageTags()).containsExactly("1.4.2");
        assertThat(detail.imageManifestMediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(detail.imageSizeInBytes()).isPositive();
        assertThat(detail.imagePushedAt()).isEqualTo(clock.now());
        assertThat(detail.imageScanStatus()).isNull();
    }

    @Test
    void pushSendsTheImageActionEvent() {
        String digest = twin.push("orders", LocalImage.of("1.0", "healthy"));

        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).detailType()).isEqualTo("ECR Image Action");
        assertThat(Json.write(emitted.get(0).detail())).isEqualTo("{\"result\":\"SUCCESS\",\"repository-name\":\"orders\","
                + "\"image-digest\":\"" + digest + "\",\"action-type\":\"PUSH\",\"image-tag\":\"1.0\"}");
    }

    @Test
    void mutableTagMovesToTheNewImageAndLeavesTheOldOneUntagged() {
        String first = twin.push("orders", LocalImage.of("latest", "healthy"));
        String second = twin.push("orders", LocalImage.of("latest", "errors"));

        assertThat(second).isNotEqualTo(first);
        assertThat(client.describeImages(r -> r.repositoryName("orders").imageIds(i -> i.imageTag("latest")))
                .imageDetails().get(0).imageDigest()).isEqualTo(second);
        assertThat(client.listImages(r -> r.repositoryName("orders").filter(f -> f.tagStatus("UNTAGGED"))).imageIds())
                .extracting(i -> i.imageDigest()).containsExactly(first);
    }

    @Test
    void immutableTagCannotBeOverwrittenAndNothingChanges() {
        String first = twin.push("frozen", LocalImage.of("1.0", "healthy"));
        int events = emitted.size();

        assertThatThrownBy(() -> twin.push("frozen", LocalImage.of("1.0", "errors")))
                .isInstanceOf(ImageTagAlreadyExistsException.class)
                .hasMessageStartingWith("The image tag '1.0' already exists in the 'frozen' repository");

        assertThat(client.listImages(r -> r.repositoryName("frozen")).imageIds()).extracting(i -> i.imageDigest())
                .containsExactly(first);
        assertThat(emitted).hasSize(events);
    }

    @Test
    void putImageRetagsAnExistingManifestAndRefusesMissingLayersOrBadJson() {
        twin.push("orders", LocalImage.of("1.0", "healthy"));
        String manifest = client.batchGetImage(r -> r.repositoryName("orders").imageIds(i -> i.imageTag("1.0")))
                .images().get(0).imageManifest();

        client.putImage(r -> r.repositoryName("orders").imageManifest(manifest).imageTag("stable"));
        assertThat(client.describeImages(r -> r.repositoryName("orders")).imageDetails().get(0).imageTags())
                .containsExactly("1.0", "stable");

        String foreign = ImageBuild.of(LocalImage.of("x", "crash")).manifest();
        assertThatThrownBy(() -> client.putImage(r -> r.repositoryName("orders").imageManifest(foreign).imageTag("x")))
                .isInstanceOf(LayersNotFoundException.class);
        assertThatThrownBy(() -> client.putImage(r -> r.repositoryName("orders").imageManifest("{not json").imageTag("y")))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(client.listImages(r -> r.repositoryName("orders")).imageIds()).hasSize(2);
    }

    @Test
    void batchGetAndDeleteReportMissingImagesAsFailures() {
        twin.push("orders", LocalImage.of("1.0", "healthy"));

        var got = client.batchGetImage(r -> r.repositoryName("orders").imageIds(i -> i.imageTag("1.0"), i -> i.imageTag("nope")));
        assertThat(got.images()).hasSize(1);
        assertThat(got.failures()).extracting(f -> f.failureCode()).containsExactly(ImageFailureCode.IMAGE_NOT_FOUND);

        var deleted = client.batchDeleteImage(r -> r.repositoryName("orders").imageIds(i -> i.imageTag("1.0"), i -> i.imageTag("nope")));
        assertThat(deleted.imageIds()).hasSize(1);
        assertThat(deleted.failures()).hasSize(1);
        assertThat(client.listImages(r -> r.repositoryName("orders")).imageIds()).isEmpty();
        assertThatThrownBy(() -> client.describeImages(r -> r.repositoryName("orders").imageIds(i -> i.imageTag("1.0"))))
                .isInstanceOf(ImageNotFoundException.class);
    }

    @Test
    void scanIsInProgressThenCompleteAfterItsDurationWithFindingsBySeverity() {
        List<PlannedFinding> findings = List.of(
                new PlannedFinding("CVE-2026-0001", FindingSeverity.CRITICAL, "remote code execution"),
                new PlannedFinding("CVE-2026-0002", FindingSeverity.HIGH, "overflow"),
                new PlannedFinding("CVE-2026-0003", FindingSeverity.HIGH, "overflow again"),
                new PlannedFinding("CVE-2026-0004", FindingSeverity.INFORMATIONAL, "note"));
        String digest = twin.push("orders", LocalImage.of("1.0", "healthy").withFindings(findings));
        assertThatThrownBy(() -> client.describeImageScanFindings(r -> r.repositoryName("orders").imageId(i -> i.imageTag("1.0"))))
                .isInstanceOf(ScanNotFoundException.class);

        var started = client.startImageScan(r -> r.repositoryName("orders").imageId(i -> i.imageTag("1.0")));
        assertThat(started.imageScanStatus().status()).isEqualTo(ScanStatus.IN_PROGRESS);
        clock.advance(EcrTwin.DEFAULT_SCAN_DURATION.minusSeconds(1));
        var during = client.describeImageScanFindings(r -> r.repositoryName("orders").imageId(i -> i.imageDigest(digest)));
        assertThat(during.imageScanStatus().status()).isEqualTo(ScanStatus.IN_PROGRESS);
        assertThat(during.imageScanFindings()).isNull();

        clock.advance(Duration.ofSeconds(1));
        var done = client.describeImageScanFindings(r -> r.repositoryName("orders").imageId(i -> i.imageDigest(digest)));
        assertThat(done.imageScanStatus().status()).isEqualTo(ScanStatus.COMPLETE);
        assertThat(done.imageScanFindings().findingSeverityCounts()).isEqualTo(Map.of(
                FindingSeverity.CRITICAL, 1, FindingSeverity.HIGH, 2, FindingSeverity.INFORMATIONAL, 1));
        assertThat(done.imageScanFindings().findings()).extracting(f -> f.name()).hasSize(4).contains("CVE-2026-0001");
        assertThat(done.imageScanFindings().imageScanCompletedAt()).isEqualTo(clock.now());
        assertThat(client.describeImages(r -> r.repositoryName("orders")).imageDetails().get(0)
                .imageScanFindingsSummary().findingSeverityCounts()).containsEntry(FindingSeverity.HIGH, 2);
    }

    @Test
    void completedScanSendsTheImageScanEvent() {
        String digest = twin.push("frozen", LocalImage.of("2.0", "healthy").withFindings(List.of(
                new PlannedFinding("CVE-1", FindingSeverity.MEDIUM, "m"))));

        clock.runUntilIdle();

        Emitted scan = emitted.get(emitted.size() - 1);
        assertThat(scan.detailType()).isEqualTo("ECR Image Scan");
        assertThat(scan.resources()).containsExactly("arn:aws:ecr:us-east-1:123456789012:repository/frozen");
        assertThat(Json.write(scan.detail())).isEqualTo("{\"scan-status\":\"COMPLETE\",\"repository-name\":\"frozen\","
                + "\"finding-severity-counts\":{\"MEDIUM\":1},\"image-digest\":\"" + digest + "\",\"image-tags\":[\"2.0\"]}");
    }

    @Test
    void secondScanWithinTheQuotaIsRefused() {
        twin.push("frozen", LocalImage.of("1.0", "healthy"));

        assertThatThrownBy(() -> client.startImageScan(r -> r.repositoryName("frozen").imageId(i -> i.imageTag("1.0"))))
                .isInstanceOf(LimitExceededException.class);
        clock.advance(Duration.ofHours(25));
        assertThat(client.startImageScan(r -> r.repositoryName("frozen").imageId(i -> i.imageTag("1.0")))
                .imageScanStatus().status()).isEqualTo(ScanStatus.IN_PROGRESS);
    }

    @Test
    void listingsRefuseAMaxResultsOutsideOneToAThousandAndPageWithinIt() {
        twin.push("orders", LocalImage.of("1.0", "healthy"));
        twin.push("orders", LocalImage.of("2.0", "errors"));
        twin.push("orders", LocalImage.of("3.0", "slow"));

        assertThatThrownBy(() -> client.describeImages(r -> r.repositoryName("orders").maxResults(0)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid parameter at 'maxResults' failed to satisfy constraint: "
                        + "'Member must have value greater than or equal to 1'");
        assertThatThrownBy(() -> client.listImages(r -> r.repositoryName("orders").maxResults(5000)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid parameter at 'maxResults' failed to satisfy constraint: "
                        + "'Member must have value less than or equal to 1000'");
        assertThatThrownBy(() -> client.describeImages(r -> r.repositoryName("orders").maxResults(2)
                .imageIds(i -> i.imageTag("1.0")))).isInstanceOf(InvalidParameterException.class);

        var first = client.listImages(r -> r.repositoryName("orders").maxResults(2));
        var rest = client.listImages(r -> r.repositoryName("orders").maxResults(2).nextToken(first.nextToken()));
        assertThat(first.imageIds()).extracting(i -> i.imageTag()).containsExactly("1.0", "2.0");
        assertThat(rest.imageIds()).extracting(i -> i.imageTag()).containsExactly("3.0");
        assertThat(rest.nextToken()).isNull();
        assertThat(client.describeImages(r -> r.repositoryName("orders").maxResults(1)).imageDetails()).hasSize(1);
    }

    @Test
    void batchCallsRefuseAnEmptyOrOverlongListOfImageIds() {
        assertThatThrownBy(() -> client.batchDeleteImage(r -> r.repositoryName("orders").imageIds(List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid parameter at 'imageIds' failed to satisfy constraint: "
                        + "'Member must have length greater than or equal to 1'");
        assertThatThrownBy(() -> client.batchDeleteImage(r -> r.repositoryName("orders")))
                .isInstanceOf(InvalidParameterException.class);
        var many = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> software.amazon.awssdk.services.ecr.model.ImageIdentifier.builder().imageTag("t" + i).build())
                .toList();
        assertThatThrownBy(() -> client.batchGetImage(r -> r.repositoryName("orders").imageIds(many)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("less than or equal to 100");
    }

    @Test
    void putImageTagMutabilityChangesWhetherATagMayMove() {
        var answer = client.putImageTagMutability(r -> r.repositoryName("orders").imageTagMutability(ImageTagMutability.IMMUTABLE));
        assertThat(answer.imageTagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE);
        assertThat(answer.registryId()).isEqualTo("123456789012");
        twin.push("orders", LocalImage.of("1.0", "healthy"));

        assertThatThrownBy(() -> twin.push("orders", LocalImage.of("1.0", "errors")))
                .isInstanceOf(ImageTagAlreadyExistsException.class);
        assertThat(client.describeRepositories(r -> r.repositoryNames("orders")).repositories().get(0)
                .imageTagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE);
        assertThatThrownBy(() -> client.putImageTagMutability(r -> r.repositoryName("ghost")
                .imageTagMutability(ImageTagMutability.MUTABLE))).isInstanceOf(RepositoryNotFoundException.class);
        assertThatThrownBy(() -> client.putImageTagMutability(r -> r.repositoryName("orders")
                .imageTagMutability("SOMETIMES"))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void putImageScanningConfigurationTurnsScanOnPushOff_forImagesPushedFromThen() {
        var answer = client.putImageScanningConfiguration(r -> r.repositoryName("orders")
                .imageScanningConfiguration(c -> c.scanOnPush(false)));
        assertThat(answer.imageScanningConfiguration().scanOnPush()).isFalse();
        assertThat(answer.repositoryName()).isEqualTo("orders");
        assertThat(client.describeRepositories(r -> r.repositoryNames("orders")).repositories().get(0)
                .imageScanningConfiguration().scanOnPush()).isFalse();

        twin.push("orders", LocalImage.of("1.0", "healthy"));

        assertThatThrownBy(() -> client.describeImageScanFindings(r -> r.repositoryName("orders")
                .imageId(i -> i.imageTag("1.0")))).isInstanceOf(ScanNotFoundException.class);
        assertThatThrownBy(() -> client.putImageScanningConfiguration(r -> r.repositoryName("ghost")
                .imageScanningConfiguration(c -> c.scanOnPush(true)))).isInstanceOf(RepositoryNotFoundException.class);
    }
}
