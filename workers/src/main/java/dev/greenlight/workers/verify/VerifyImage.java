package dev.greenlight.workers.verify;

import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.ScanThresholds;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.CurrentTaskDefinition;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.core.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The first gate: the pushed image exists (its tag resolved to a digest), its scan is within the
 * service's limits, it carries the required labels and it is built for the platform the service's
 * task definition runs on. A rejection lists every reason; a scan still running is
 * {@link ScanInProgress}, which the state machine retries.
 */
public final class VerifyImage extends Worker<VerifyImage.Input, VerifyImage.Output> {

    public record Input(ImageRef image, ServiceConfig config) {
    }

    /**
     * @param imageUri  {@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO@DIGEST}, what the task definition will run
     * @param findings  the scan's counts by severity (empty when the scan was not consulted)
     * @param platform  what the image is built for, {@code linux/amd64} (several, comma-separated, for an index)
     */
    public record Output(boolean accepted, List<String> reasons, String digest, String imageUri,
            Map<String, Integer> findings, Map<String, String> labels, String platform) {
    }

    private final EcrClient ecr;
    private final EcsClient ecs;
    private final ScanReader scans;
    private final ImageContents contents;

    public VerifyImage() {
        this(Clients.ecr(), Clients.ecs(), new EcrImageConfigs(Clients.ecr(), Duration.ofSeconds(10)));
    }

    public VerifyImage(EcrClient ecr, EcsClient ecs, ImageConfigs configs) {
        super(Input.class);
        this.ecr = Objects.requireNonNull(ecr, "ecr");
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        this.scans = new ScanReader(ecr);
        this.contents = new ImageContents(ecr, Objects.requireNonNull(configs, "configs"));
    }

    @Override
    public Output apply(Input input) {
        ImageRef ref = check(input);
        String name = ref.repository() != null ? ref.repository() : input.config().repository();
        String shown = name + (ref.tag() != null ? ":" + ref.tag() : "") + (ref.digest() != null ? "@" + ref.digest() : "");
        Optional<Repository> repository = repository(name);
        if (repository.isEmpty()) {
            return rejected(ref, "repository '" + name + "' does not exist in this account and region: check "
                    + "config.repository and image.repository");
        }
        Optional<ImageDetail> image = image(repository.get(), ref);
        if (image.isEmpty()) {
            return rejected(ref, "image " + shown + " is not in repository '" + name + "' ("
                    + repository.get().repositoryUri() + "): push it, or check the tag and digest");
        }
        String registry = repository.get().registryId();
        String digest = image.get().imageDigest();
        TaskDefinition runs = CurrentTaskDefinition.of(ecs, input.config().cluster(), input.config().service())
                .taskDefinition();
        Platform expected = Platform.of(runs.runtimePlatform());
        ScanReader.Scan scan = scanNeeded(input.config().scan())
                ? scans.read(registry, name, digest, scanOnPush(repository.get()))
                : new ScanReader.Scan(null, null);
        ImageContents.Contents read = contents.read(registry, name, digest, expected);
        ImageEvidence evidence = new ImageEvidence(scan.findings(), scan.problem(), read.labels(), read.platforms(),
                read.unreadable());
        ImageVerdict verdict = ImageVerdict.assess(evidence, expected, runs.family() + ":" + runs.revision(),
                input.config().scan(), input.config().requiredLabels());
        return new Output(verdict.accepted(), verdict.reasons(), digest,
                repository.get().repositoryUri() + "@" + digest,
                scan.findings() == null ? Map.of() : scan.findings().counts(), read.labels(),
                read.platforms().isEmpty() ? null : String.join(",", read.platforms().stream().map(Platform::toString).toList()));
    }

    private static ImageRef check(Input input) {
        if (input == null || input.config() == null) {
            throw new IllegalArgumentException("VerifyImage needs {\"image\": {...}, \"config\": {...}}: "
                    + "\"config\" is missing; pass the execution input's config");
        }
        ImageRef ref = input.image();
        if (ref == null || (blank(ref.tag()) && blank(ref.digest()))) {
            throw new IllegalArgumentException("VerifyImage needs image.tag or image.digest (or both), e.g. "
                    + "{\"image\": {\"repository\": \"orders\", \"tag\": \"1.4.2\"}}");
        }
        if (blank(ref.repository()) && blank(input.config().repository())) {
            throw new IllegalArgumentException("VerifyImage needs image.repository or config.repository");
        }
        return new ImageRef(blank(ref.repository()) ? null : ref.repository(), blank(ref.tag()) ? null : ref.tag(),
                blank(ref.digest()) ? null : ref.digest());
    }

    private Optional<Repository> repository(String name) {
        try {
            return ecr.describeRepositories(r -> r.repositoryNames(name)).repositories().stream().findFirst();
        } catch (RepositoryNotFoundException e) {
            return Optional.empty();
        }
    }

    /** By digest when known (the digest wins: a mutable tag may have moved since the push), else by tag. */
    private Optional<ImageDetail> image(Repository repository, ImageRef ref) {
        ImageIdentifier id = ref.digest() != null ? ImageIdentifier.builder().imageDigest(ref.digest()).build()
                : ImageIdentifier.builder().imageTag(ref.tag()).build();
        try {
            return ecr.describeImages(r -> r.registryId(repository.registryId())
                    .repositoryName(repository.repositoryName()).imageIds(id)).imageDetails().stream().findFirst();
        } catch (ImageNotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean scanNeeded(ScanThresholds limits) {
        return limits != null && (limits.maxCritical() != null || limits.maxHigh() != null
                || limits.maxMedium() != null);
    }

    private static boolean scanOnPush(Repository repository) {
        return repository.imageScanningConfiguration() != null
                && Boolean.TRUE.equals(repository.imageScanningConfiguration().scanOnPush());
    }

    private static Output rejected(ImageRef ref, String reason) {
        return new Output(false, List.of(reason), ref.digest(), null, Map.of(), Map.of(), null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
