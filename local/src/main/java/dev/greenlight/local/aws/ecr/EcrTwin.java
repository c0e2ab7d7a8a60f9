package dev.greenlight.local.aws.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityRequest;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityResponse;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageResponse;
import software.amazon.awssdk.services.ecr.model.BatchGetImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadResponse;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerRequest;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageScanFindings;
import software.amazon.awssdk.services.ecr.model.ImageScanFindingsSummary;
import software.amazon.awssdk.services.ecr.model.ImageScanStatus;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadResponse;
import software.amazon.awssdk.services.ecr.model.Layer;
import software.amazon.awssdk.services.ecr.model.LayerAvailability;
import software.amazon.awssdk.services.ecr.model.LayerFailure;
import software.amazon.awssdk.services.ecr.model.LayerFailureCode;
import software.amazon.awssdk.services.ecr.model.ListImagesFilter;
import software.amazon.awssdk.services.ecr.model.ListImagesRequest;
import software.amazon.awssdk.services.ecr.model.ListImagesResponse;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;
import software.amazon.awssdk.services.ecr.model.PutImageResponse;
import software.amazon.awssdk.services.ecr.model.PutImageScanningConfigurationRequest;
import software.amazon.awssdk.services.ecr.model.PutImageScanningConfigurationResponse;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityRequest;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityResponse;
import software.amazon.awssdk.services.ecr.model.StartImageScanRequest;
import software.amazon.awssdk.services.ecr.model.StartImageScanResponse;
import software.amazon.awssdk.services.ecr.model.TagStatus;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartRequest;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartResponse;

/**
 * A private ECR registry: repositories with tag mutability and scan on push, images stored by
 * manifest digest, basic scans that complete on the clock, and the {@code ECR Image Action} /
 * {@code ECR Image Scan} events sent through {@link EcrEvents}. Images arrive by PutImage (a
 * manifest whose blobs are already there, uploaded with the layer-upload API) or by {@link #push},
 * which builds one from a {@link LocalImage}.
 */
public final class EcrTwin implements EcrClient {

    /** How long a basic scan takes here; AWS gives no figure, scans usually finish within a minute or two. */
    public static final Duration DEFAULT_SCAN_DURATION = Duration.ofSeconds(30);
    /** AWS allows one basic scan per image per 24 hours. */
    static final Duration SCAN_QUOTA = Duration.ofHours(24);
    private static final Pattern REPOSITORY_NAME =
            Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final int MAX_TAG = 300;
    private static final int MAX_IMAGE_IDS = 100;
    /** CompleteLayerUpload and BatchCheckLayerAvailability take 1 to 100 layer digests. */
    private static final int MAX_LAYER_DIGESTS = 100;
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    /** Authorization tokens last 12 hours, as AWS documents. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    private static final String TWIN_PASSWORD = "greenlight-local-twin";
    /** The part size ECR asks clients for is not published; parts of any size are accepted here. */
    private static final long PART_SIZE = 10L * 1024 * 1024;

    private final Clock clock;
    private final EcrEvents events;
    private final Duration scanDuration;
    private final Map<String, Repository> repositories = new LinkedHashMap<>();
    private final Map<String, Map<String, StoredImage>> images = new HashMap<>();
    private final Map<String, Map<String, byte[]>> blobs = new HashMap<>();
    private final Map<String, LayerUpload> uploads = new HashMap<>();
    private final Map<String, Download> downloads = new HashMap<>();
    private long uploadsBegun;
    private long downloadsIssued;
    private volatile String endpoint = "http://127.0.0.1:4566";

    public EcrTwin(Clock clock, EcrEvents events) {
        this(clock, events, DEFAULT_SCAN_DURATION);
    }

    public EcrTwin(Clock clock, EcrEvents events, Duration scanDuration) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.scanDuration = Objects.requireNonNull(scanDuration, "scanDuration");
    }

    @Override
    public synchronized CreateRepositoryResponse createRepository(CreateRepositoryRequest request) {
        String name = request.repositoryName();
        if (name == null || name.length() < 2 || name.length() > 256 || !REPOSITORY_NAME.matcher(name).matches()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'repositoryName' failed to satisfy constraint: "
                    + "'must satisfy regular expression '" + REPOSITORY_NAME.pattern() + "''");
        }
        ImageTagMutability mutability = request.imageTagMutability() == null
                ? ImageTagMutability.MUTABLE : mutability(request.imageTagMutability());
        if (repositories.containsKey(name)) {
            throw EcrErrors.repositoryExists(name);
        }
        boolean scanOnPush = request.imageScanningConfiguration() != null
                && Boolean.TRUE.equals(request.imageScanningConfiguration().scanOnPush());
        Repository repository = new Repository(name, clock.now(), scanOnPush, mutability);
        repositories.put(name, repository);
        images.put(name, new LinkedHashMap<>());
        blobs.put(name, new HashMap<>());
        return CreateRepositoryResponse.builder().repository(repository.toSdk()).build();
    }

    @Override
    public synchronized DescribeRepositoriesResponse describeRepositories(DescribeRepositoriesRequest request) {
        List<Repository> found = request.repositoryNames().isEmpty()
                ? List.copyOf(repositories.values())
                : request.repositoryNames().stream().map(this::repository).toList();
        return DescribeRepositoriesResponse.builder()
                .repositories(found.stream().map(Repository::toSdk).toList())
                .build();
    }

    @Override
    public synchronized PutImageTagMutabilityResponse putImageTagMutability(PutImageTagMutabilityRequest request) {
        Repository repository = repository(request.repositoryName());
        ImageTagMutability mutability = mutability(request.imageTagMutability());
        repositories.put(repository.name(), repository.withTagMutability(mutability));
        return PutImageTagMutabilityResponse.builder()
                .registryId(LocalAccount.ID)
                .repositoryName(repository.name())
                .imageTagMutability(mutability)
                .build();
    }

    /** Scan on push from now on; images already pushed keep the scans they have (or have none). */
    @Override
    public synchronized PutImageScanningConfigurationResponse putImageScanningConfiguration(
            PutImageScanningConfigurationRequest request) {
        Repository repository = repository(request.repositoryName());
        if (request.imageScanningConfiguration() == null) {
            // AWS's wording for a missing required member is unpublished; ECR answers InvalidParameterException.
            throw EcrErrors.invalidParameter("imageScanningConfiguration is required");
        }
        boolean scanOnPush = Boolean.TRUE.equals(request.imageScanningConfiguration().scanOnPush());
        repositories.put(repository.name(), repository.withScanOnPush(scanOnPush));
        return PutImageScanningConfigurationResponse.builder()
                .registryId(LocalAccount.ID)
                .repositoryName(repository.name())
                .imageScanningConfiguration(c -> c.scanOnPush(scanOnPush))
                .build();
    }

    @Override
    public synchronized DeleteRepositoryResponse deleteRepository(DeleteRepositoryRequest request) {
        Repository repository = repository(request.repositoryName());
        if (!images.get(repository.name()).isEmpty() && !Boolean.TRUE.equals(request.force())) {
            throw EcrErrors.repositoryNotEmpty(repository.name());
        }
        repositories.remove(repository.name());
        images.remove(repository.name());
        blobs.remove(repository.name());
        uploads.values().removeIf(upload -> upload.repository().equals(repository.name()));
        return DeleteRepositoryResponse.builder().repository(repository.toSdk()).build();
    }

    /**
     * Pushes a built image: stores its config and layer, then its manifest under {@code tag},
     * exactly as PutImage would. Returns the image digest.
     */
    public synchronized String push(String repositoryName, LocalImage image) {
        Repository repository = repository(repositoryName);
        ImageBuild build = ImageBuild.of(image);
        checkTag(image.tag());
        StoredImage stored = store(repository, build.manifest(), ImageBuild.MANIFEST_TYPE, image.tag(),
                build.layersSize(), image.findings());
        build.blobs().forEach((digest, blob) ->
                blobs.get(repository.name()).put(digest, blob.getBytes(StandardCharsets.UTF_8)));
        return stored.digest();
    }

    /** A blob's bytes by digest, as the registry serves them; the repository must exist. */
    synchronized Optional<byte[]> blobBytes(String repositoryName, String digest) {
        return Optional.ofNullable(blobs.get(repository(repositoryName).name()).get(digest));
    }

    /** Whether {@code user}/{@code password} is the login a token from GetAuthorizationToken carries. */
    static boolean acceptsLogin(String user, String password) {
        return "AWS".equals(user) && TWIN_PASSWORD.equals(password);
    }

    /** How many bytes an upload holds so far (a registry PATCH appends after them). */
    synchronized long receivedBytes(String repositoryName, String uploadId) {
        return upload(repository(repositoryName), uploadId).lastByte() + 1;
    }

    /** Makes a blob of {@code from} available in {@code repositoryName}, as a registry mount does; false when {@code from} lacks it. */
    synchronized boolean mount(String repositoryName, String from, String digest) {
        Repository repository = repository(repositoryName);
        Map<String, byte[]> source = repositories.containsKey(from) ? blobs.get(from) : Map.of();
        byte[] blob = source.get(digest);
        if (blob == null) {
            return false;
        }
        blobs.get(repository.name()).putIfAbsent(digest, blob);
        return true;
    }

    /** Where the registry and download URLs are served: set by the gateway once it listens. */
    public void servedAt(String baseUrl) {
        this.endpoint = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /**
     * A URL that serves the layer without a login, as ECR's pre-signed URL does. The layer must be
     * in the repository (else LayersNotFoundException) and named by an image's manifest (else
     * LayerInaccessibleException, AWS's words for a layer that is "not associated with an image").
     */
    @Override
    public synchronized GetDownloadUrlForLayerResponse getDownloadUrlForLayer(GetDownloadUrlForLayerRequest request) {
        Repository repository = repository(request.repositoryName());
        String digest = request.layerDigest();
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'layerDigest' failed to satisfy constraint: "
                    + "'Member must satisfy regular expression pattern: [a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'");
        }
        if (!blobs.get(repository.name()).containsKey(digest)) {
            throw EcrErrors.layersNotFound(repository.name(), List.of(digest));
        }
        boolean inAnImage = images.get(repository.name()).values().stream()
                .anyMatch(image -> Manifest.parse(image.manifest(), image.manifestMediaType()).blobDigests().contains(digest));
        if (!inAnImage) {
            throw EcrErrors.layerInaccessible();
        }
        String token = UUID.nameUUIDFromBytes((repository.name() + "@" + digest + "#" + ++downloadsIssued)
                .getBytes(StandardCharsets.UTF_8)).toString();
        downloads.put(token, new Download(repository.name(), digest));
        return GetDownloadUrlForLayerResponse.builder()
                .downloadUrl(endpoint + "/v2/" + repository.name() + "/blobs/" + digest + "?"
                        + DistributionApi.DOWNLOAD_PARAMETER + "=" + token)
                .layerDigest(digest)
                .build();
    }

    /** Whether {@code token} is one GetDownloadUrlForLayer issued for this blob. */
    synchronized boolean downloadAllowed(String token, String repositoryName, String digest) {
        return new Download(repositoryName, digest).equals(downloads.get(token));
    }

    private record Download(String repository, String digest) {
    }

    /** A blob (image config or layer) by digest, read as UTF-8 text, as a registry client would download it. */
    public synchronized Optional<String> blob(String repositoryName, String digest) {
        return Optional.ofNullable(blobs.get(repository(repositoryName).name()).get(digest))
                .map(blob -> new String(blob, StandardCharsets.UTF_8));
    }

    /**
     * A token for the registry's basic login ({@code AWS:} and a password, base64), valid 12 hours as
     * AWS documents; the proxy endpoint is where the twin's registry ({@link DistributionApi}) is served.
     */
    @Override
    public synchronized GetAuthorizationTokenResponse getAuthorizationToken(GetAuthorizationTokenRequest request) {
        String token = Base64.getEncoder().encodeToString(("AWS:" + TWIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return GetAuthorizationTokenResponse.builder()
                .authorizationData(AuthorizationData.builder()
                        .authorizationToken(token)
                        .expiresAt(clock.now().plus(TOKEN_LIFETIME))
                        .proxyEndpoint(endpoint)
                        .build())
                .build();
    }

    @Override
    public synchronized InitiateLayerUploadResponse initiateLayerUpload(InitiateLayerUploadRequest request) {
        Repository repository = repository(request.repositoryName());
        String id = UUID.nameUUIDFromBytes((repository.name() + "/" + ++uploadsBegun).getBytes(StandardCharsets.UTF_8))
                .toString();
        uploads.put(id, new LayerUpload(id, repository.name()));
        return InitiateLayerUploadResponse.builder().uploadId(id).partSize(PART_SIZE).build();
    }

    /** Each part must start right after the last byte received and span exactly its blob. */
    @Override
    public synchronized UploadLayerPartResponse uploadLayerPart(UploadLayerPartRequest request) {
        Repository repository = repository(request.repositoryName());
        LayerUpload upload = upload(repository, request.uploadId());
        byte[] part = request.layerPartBlob() == null ? new byte[0] : request.layerPartBlob().asByteArray();
        long first = request.partFirstByte() == null ? -1 : request.partFirstByte();
        long last = request.partLastByte() == null ? -1 : request.partLastByte();
        if (part.length == 0) {
            throw EcrErrors.invalidLayerPart(repository.name(), upload.id(), upload.lastByte(), "the part is empty");
        }
        if (first != upload.lastByte() + 1) {
            throw EcrErrors.invalidLayerPart(repository.name(), upload.id(), upload.lastByte(),
                    "partFirstByte " + first + " is not the byte after the last one received");
        }
        if (last != first + part.length - 1) {
            throw EcrErrors.invalidLayerPart(repository.name(), upload.id(), upload.lastByte(),
                    "the part holds " + part.length + " bytes, not " + first + " to " + last);
        }
        upload.append(part);
        return UploadLayerPartResponse.builder()
                .registryId(LocalAccount.ID)
                .repositoryName(repository.name())
                .uploadId(upload.id())
                .lastByteReceived(upload.lastByte())
                .build();
    }

    /** Stores the uploaded layer under its digest, which must be one of those named; the upload is then over. */
    @Override
    public synchronized CompleteLayerUploadResponse completeLayerUpload(CompleteLayerUploadRequest request) {
        Repository repository = repository(request.repositoryName());
        LayerUpload upload = upload(repository, request.uploadId());
        checkLayerDigests(request.layerDigests());
        byte[] layer = upload.bytes();
        if (layer.length == 0) {
            throw EcrErrors.emptyUpload(repository.name(), upload.id());
        }
        String digest = Digests.sha256(layer);
        if (!request.layerDigests().contains(digest)) {
            throw EcrErrors.invalidLayer(upload.id(), request.layerDigests(), digest);
        }
        uploads.remove(upload.id());
        Map<String, byte[]> stored = blobs.get(repository.name());
        if (stored.containsKey(digest)) {
            throw EcrErrors.layerExists(repository.name(), digest);
        }
        stored.put(digest, layer);
        return CompleteLayerUploadResponse.builder()
                .registryId(LocalAccount.ID)
                .repositoryName(repository.name())
                .uploadId(upload.id())
                .layerDigest(digest)
                .build();
    }

    /**
     * Available layers with their sizes; a digest that is not one fails with InvalidLayerDigest, one not
     * uploaded with MissingLayerDigest. AWS names both codes without saying which case gets which; this
     * is the reading that matches their names.
     */
    @Override
    public synchronized BatchCheckLayerAvailabilityResponse batchCheckLayerAvailability(
            BatchCheckLayerAvailabilityRequest request) {
        Repository repository = repository(request.repositoryName());
        checkLayerDigests(request.layerDigests());
        Map<String, byte[]> stored = blobs.get(repository.name());
        List<Layer> layers = new ArrayList<>();
        List<LayerFailure> failures = new ArrayList<>();
        for (String digest : request.layerDigests()) {
            if (!DIGEST.matcher(digest).matches()) {
                failures.add(LayerFailure.builder().layerDigest(digest).failureCode(LayerFailureCode.INVALID_LAYER_DIGEST)
                        .failureReason("Invalid layer digest").build());
            } else if (!stored.containsKey(digest)) {
                failures.add(LayerFailure.builder().layerDigest(digest).failureCode(LayerFailureCode.MISSING_LAYER_DIGEST)
                        .failureReason("Could not find layer").build());
            } else {
                layers.add(Layer.builder().layerDigest(digest).layerAvailability(LayerAvailability.AVAILABLE)
                        .layerSize((long) stored.get(digest).length).build());
            }
        }
        return BatchCheckLayerAvailabilityResponse.builder().layers(layers).failures(failures).build();
    }

    @Override
    public synchronized PutImageResponse putImage(PutImageRequest request) {
        Repository repository = repository(request.repositoryName());
        Manifest manifest = Manifest.parse(request.imageManifest(), request.imageManifestMediaType());
        String digest = Digests.sha256(request.imageManifest());
        if (request.imageDigest() != null && !request.imageDigest().equals(digest)) {
            throw EcrErrors.digestMismatch(request.imageDigest(), digest);
        }
        if (request.imageTag() != null) {
            checkTag(request.imageTag());
        }
        Set<String> missing = new LinkedHashSet<>(manifest.blobDigests());
        missing.removeAll(blobs.get(repository.name()).keySet());
        if (!missing.isEmpty()) {
            throw EcrErrors.layersNotFound(repository.name(), missing);
        }
        StoredImage existing = images.get(repository.name()).get(digest);
        StoredImage stored = store(repository, request.imageManifest(), manifest.mediaType(), request.imageTag(),
                manifest.layersSize(), existing == null ? List.of() : existing.findings());
        return PutImageResponse.builder().image(image(repository, stored, request.imageTag())).build();
    }

    @Override
    public synchronized BatchGetImageResponse batchGetImage(BatchGetImageRequest request) {
        Repository repository = repository(request.repositoryName());
        checkImageIds(request.imageIds(), MAX_IMAGE_IDS);
        List<Image> found = new ArrayList<>();
        List<ImageFailure> failures = new ArrayList<>();
        for (ImageIdentifier id : request.imageIds()) {
            Optional<StoredImage> image = find(repository, id);
            if (image.isPresent()) {
                found.add(image(repository, image.get(), id.imageTag()));
            } else {
                failures.add(failure(repository, id));
            }
        }
        return BatchGetImageResponse.builder().images(found).failures(failures).build();
    }

    @Override
    public synchronized DescribeImagesResponse describeImages(DescribeImagesRequest request) {
        Repository repository = repository(request.repositoryName());
        if (request.hasImageIds() && (request.maxResults() != null || request.nextToken() != null)) {
            // AWS documents the rule ("cannot be used when you specify images with imageIds"), not its wording.
            throw EcrErrors.invalidParameter("Invalid parameter: maxResults and nextToken cannot be used with imageIds");
        }
        if (!request.hasImageIds()) {
            TagStatus status = request.filter() == null ? TagStatus.ANY : request.filter().tagStatus();
            List<StoredImage> all = images.get(repository.name()).values().stream().filter(i -> hasStatus(i, status)).toList();
            Listing<StoredImage> page = Listing.of(all, request.maxResults(), request.nextToken());
            return DescribeImagesResponse.builder()
                    .imageDetails(page.items().stream().map(i -> detail(repository, i)).toList())
                    .nextToken(page.nextToken())
                    .build();
        }
        checkImageIds(request.imageIds(), MAX_IMAGE_IDS);
        List<StoredImage> selected = request.imageIds().stream()
                .map(id -> find(repository, id).orElseThrow(() -> EcrErrors.imageNotFound(repository.name(), id)))
                .distinct().toList();
        return DescribeImagesResponse.builder()
                .imageDetails(selected.stream().map(i -> detail(repository, i)).toList())
                .build();
    }

    @Override
    public synchronized ListImagesResponse listImages(ListImagesRequest request) {
        Repository repository = repository(request.repositoryName());
        ListImagesFilter filter = request.filter();
        TagStatus status = filter == null || filter.tagStatus() == null ? TagStatus.ANY : filter.tagStatus();
        List<ImageIdentifier> ids = new ArrayList<>();
        images.get(repository.name()).values().stream().filter(i -> hasStatus(i, status)).forEach(image -> {
            if (image.tags().isEmpty()) {
                ids.add(ImageIdentifier.builder().imageDigest(image.digest()).build());
            }
            image.tags().forEach(tag -> ids.add(ImageIdentifier.builder().imageDigest(image.digest()).imageTag(tag).build()));
        });
        Listing<ImageIdentifier> page = Listing.of(ids, request.maxResults(), request.nextToken());
        return ListImagesResponse.builder().imageIds(page.items()).nextToken(page.nextToken()).build();
    }

    /** By tag removes the tag (and the image with its last tag); by digest removes the image and all its tags. */
    @Override
    public synchronized BatchDeleteImageResponse batchDeleteImage(BatchDeleteImageRequest request) {
        Repository repository = repository(request.repositoryName());
        checkImageIds(request.imageIds(), MAX_IMAGE_IDS);
        Map<String, StoredImage> stored = images.get(repository.name());
        List<ImageIdentifier> deleted = new ArrayList<>();
        List<ImageFailure> failures = new ArrayList<>();
        for (ImageIdentifier id : request.imageIds()) {
            Optional<StoredImage> image = find(repository, id);
            if (image.isEmpty()) {
                failures.add(failure(repository, id));
                continue;
            }
            StoredImage remaining = id.imageDigest() == null ? image.get().withoutTag(id.imageTag()) : null;
            if (remaining == null || remaining.tags().isEmpty()) {
                stored.remove(image.get().digest());
            } else {
                stored.put(remaining.digest(), remaining);
            }
            deleted.add(ImageIdentifier.builder().imageDigest(image.get().digest()).imageTag(id.imageTag()).build());
            emit(EcrEventDetails.IMAGE_ACTION, List.of(),
                    EcrEventDetails.imageAction("DELETE", repository.name(), image.get().digest(), id.imageTag()));
        }
        return BatchDeleteImageResponse.builder().imageIds(deleted).failures(failures).build();
    }

    @Override
    public synchronized StartImageScanResponse startImageScan(StartImageScanRequest request) {
        Repository repository = repository(request.repositoryName());
        ImageIdentifier id = request.imageId();
        StoredImage image = find(repository, id).orElseThrow(() -> EcrErrors.imageNotFound(repository.name(), id));
        if (!mayScan(image)) {
            throw EcrErrors.scanQuota();
        }
        StoredImage scanning = startScan(repository, image);
        return StartImageScanResponse.builder()
                .registryId(LocalAccount.ID)
                .repositoryName(repository.name())
                .imageId(ImageIdentifier.builder().imageDigest(scanning.digest()).imageTag(id.imageTag()).build())
                .imageScanStatus(scanStatus(scanning.scan()))
                .build();
    }

    @Override
    public synchronized DescribeImageScanFindingsResponse describeImageScanFindings(
            DescribeImageScanFindingsRequest request) {
        Repository repository = repository(request.repositoryName());
        ImageIdentifier id = request.imageId();
        StoredImage image = find(repository, id).orElseThrow(() -> EcrErrors.imageNotFound(repository.name(), id));
        if (image.scan() == null) {
            throw EcrErrors.scanNotFound(repository.name(), id);
        }
        DescribeImageScanFindingsResponse.Builder response = DescribeImageScanFindingsResponse.builder()
                .registryId(LocalAccount.ID)
                .repositoryName(repository.name())
                .imageId(ImageIdentifier.builder().imageDigest(image.digest()).imageTag(id.imageTag()).build())
                .imageScanStatus(scanStatus(image.scan()));
        if (image.scan().complete()) {
            response.imageScanFindings(ImageScanFindings.builder()
                    .imageScanCompletedAt(image.scan().completedAt())
                    .vulnerabilitySourceUpdatedAt(image.scan().startedAt())
                    .findingSeverityCounts(ScanReport.counts(image.findings()))
                    .findings(ScanReport.findings(image.findings()))
                    .build());
        }
        return response.build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    /** Stores a manifest under a tag with AWS's tag rules, starts scan on push, and sends the PUSH event. */
    private StoredImage store(Repository repository, String manifest, String mediaType, String tag, long size,
            List<PlannedFinding> findings) {
        Map<String, StoredImage> stored = images.get(repository.name());
        String digest = Digests.sha256(manifest);
        StoredImage existing = stored.get(digest);
        Optional<StoredImage> holder = tag == null ? Optional.empty()
                : stored.values().stream().filter(image -> image.tags().contains(tag)).findFirst();
        if (holder.isPresent() && holder.get().digest().equals(digest)) {
            throw EcrErrors.imageExists(repository.name(), digest, tag);
        }
        if (holder.isPresent() && repository.immutableTags()) {
            throw EcrErrors.tagImmutable(repository.name(), tag);
        }
        holder.ifPresent(previous -> stored.put(previous.digest(), previous.withoutTag(tag)));
        StoredImage image = existing != null ? existing : new StoredImage(digest, manifest, mediaType,
                Manifest.parse(manifest, mediaType).configMediaType(), List.of(), clock.now(), size, findings, null);
        image = tag == null ? image : image.withTag(tag);
        stored.put(digest, image);
        emit(EcrEventDetails.IMAGE_ACTION, List.of(),
                EcrEventDetails.imageAction("PUSH", repository.name(), digest, tag));
        if (existing == null && repository.scanOnPush()) {
            image = startScan(repository, image);
        }
        return image;
    }

    private StoredImage startScan(Repository repository, StoredImage image) {
        StoredImage scanning = image.withScan(ImageScan.started(clock.now()));
        images.get(repository.name()).put(scanning.digest(), scanning);
        clock.schedule(scanDuration, () -> completeScan(repository.name(), scanning.digest(), scanning.scan()));
        return scanning;
    }

    /** The scan finishes unless the image (or its repository) went away meanwhile. */
    private synchronized void completeScan(String repositoryName, String digest, ImageScan started) {
        Map<String, StoredImage> stored = images.get(repositoryName);
        StoredImage image = stored == null ? null : stored.get(digest);
        if (image == null || !started.equals(image.scan())) {
            return;
        }
        StoredImage done = image.withScan(image.scan().completed(clock.now()));
        stored.put(digest, done);
        emit(EcrEventDetails.IMAGE_SCAN, List.of(repositories.get(repositoryName).arn()),
                EcrEventDetails.imageScan(repositoryName, done));
    }

    private boolean mayScan(StoredImage image) {
        ImageScan scan = image.scan();
        return scan == null || scan.complete() && !clock.now().isBefore(scan.completedAt().plus(SCAN_QUOTA));
    }

    private void emit(String detailType, List<String> resources, JsonNode detail) {
        events.emit(detailType, resources, detail);
    }

    private Repository repository(String name) {
        Repository repository = repositories.get(name);
        if (repository == null) {
            throw EcrErrors.repositoryNotFound(name);
        }
        return repository;
    }

    private Optional<StoredImage> find(Repository repository, ImageIdentifier id) {
        Map<String, StoredImage> stored = images.get(repository.name());
        if (id.imageDigest() != null) {
            return Optional.ofNullable(stored.get(id.imageDigest()))
                    .filter(image -> id.imageTag() == null || image.tags().contains(id.imageTag()));
        }
        return stored.values().stream().filter(image -> image.tags().contains(id.imageTag())).findFirst();
    }

    private ImageFailure failure(Repository repository, ImageIdentifier id) {
        if (id.imageDigest() == null && id.imageTag() == null) {
            return ImageFailure.builder().imageId(id).failureCode(ImageFailureCode.MISSING_DIGEST_AND_TAG)
                    .failureReason("Invalid request parameters: both tag and digest cannot be null").build();
        }
        if (id.imageDigest() != null && id.imageTag() != null
                && images.get(repository.name()).containsKey(id.imageDigest())) {
            return ImageFailure.builder().imageId(id).failureCode(ImageFailureCode.IMAGE_TAG_DOES_NOT_MATCH_DIGEST)
                    .failureReason("Invalid request parameters: given tag and digest do not match").build();
        }
        return ImageFailure.builder().imageId(id).failureCode(ImageFailureCode.IMAGE_NOT_FOUND)
                .failureReason("Requested image not found").build();
    }

    /** The twin models tags that are all mutable or all immutable, not the *_WITH_EXCLUSION settings. */
    private static ImageTagMutability mutability(ImageTagMutability requested) {
        if (requested != ImageTagMutability.MUTABLE && requested != ImageTagMutability.IMMUTABLE) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageTagMutability' failed to satisfy "
                    + "constraint: 'Member must satisfy enum value set: [MUTABLE, IMMUTABLE]'");
        }
        return requested;
    }

    private LayerUpload upload(Repository repository, String uploadId) {
        LayerUpload upload = uploadId == null ? null : uploads.get(uploadId);
        if (upload == null || !upload.repository().equals(repository.name())) {
            throw EcrErrors.uploadNotFound(repository.name(), uploadId);
        }
        return upload;
    }

    private static void checkLayerDigests(List<String> digests) {
        if (digests.isEmpty()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'layerDigests' failed to satisfy constraint: "
                    + "'Member must have length greater than or equal to 1'");
        }
        if (digests.size() > MAX_LAYER_DIGESTS) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'layerDigests' failed to satisfy constraint: "
                    + "'Member must have length less than or equal to " + MAX_LAYER_DIGESTS + "'");
        }
    }

    /** BatchGetImage, BatchDeleteImage and DescribeImages (when it names images) take 1 to 100 image ids. */
    private static void checkImageIds(List<ImageIdentifier> ids, int most) {
        if (ids.isEmpty()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageIds' failed to satisfy constraint: "
                    + "'Member must have length greater than or equal to 1'");
        }
        if (ids.size() > most) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageIds' failed to satisfy constraint: "
                    + "'Member must have length less than or equal to " + most + "'");
        }
    }

    private static void checkTag(String tag) {
        if (tag.isEmpty()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageTag' failed to satisfy constraint: "
                    + "'Member must have length greater than or equal to 1'");
        }
        if (tag.length() > MAX_TAG) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageTag' failed to satisfy constraint: "
                    + "'Member must have length less than or equal to " + MAX_TAG + "'");
        }
    }

    private static boolean hasStatus(StoredImage image, TagStatus status) {
        return status == null || status == TagStatus.ANY
                || (status == TagStatus.TAGGED) == !image.tags().isEmpty();
    }

    private static Image image(Repository repository, StoredImage image, String tag) {
        return Image.builder()
                .registryId(LocalAccount.ID)
                .repositoryName(repository.name())
                .imageId(ImageIdentifier.builder().imageDigest(image.digest()).imageTag(tag).build())
                .imageManifest(image.manifest())
                .imageManifestMediaType(image.manifestMediaType())
                .build();
    }

    private static ImageDetail detail(Repository repository, StoredImage image) {
        ImageDetail.Builder detail = ImageDetail.builder()
                .registryId(LocalAccount.ID)
                .repositoryName(repository.name())
                .imageDigest(image.digest())
                .imageTags(image.tags())
                .imageSizeInBytes(image.sizeInBytes())
                .imagePushedAt(image.pushedAt())
                .imageManifestMediaType(image.manifestMediaType())
                .artifactMediaType(image.artifactMediaType());
        if (image.scan() != null) {
            detail.imageScanStatus(scanStatus(image.scan()));
        }
        if (image.scan() != null && image.scan().complete()) {
            detail.imageScanFindingsSummary(ImageScanFindingsSummary.builder()
                    .imageScanCompletedAt(image.scan().completedAt())
                    .vulnerabilitySourceUpdatedAt(image.scan().startedAt())
                    .findingSeverityCounts(ScanReport.counts(image.findings()))
                    .build());
        }
        return detail.build();
    }

    private static ImageScanStatus scanStatus(ImageScan scan) {
        return ImageScanStatus.builder().status(scan.status()).description(scan.description()).build();
    }
}
