package dev.greenlight.local.twin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.aws.ecr.EcrTwin;
import dev.greenlight.local.aws.ecr.LocalImage;
import dev.greenlight.local.fleet.AppProfile;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/**
 * What an ECS container's image runs on the fleet: the app profile in its config's labels, read
 * from the ECR twin as a container runtime would pull it. An image ECR does not hold is not found.
 */
final class ImageProfiles {

    /** {@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY(:TAG|@DIGEST)}. */
    private static final Pattern ECR_IMAGE = Pattern.compile(
            "\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?");

    private final EcrTwin ecr;

    ImageProfiles(EcrTwin ecr) {
        this.ecr = ecr;
    }

    /** The image's profile, or empty when the image cannot be pulled (no such repository or image). */
    Optional<AppProfile> profile(String image) {
        Matcher matcher = ECR_IMAGE.matcher(image);
        if (!matcher.matches() || (matcher.group(2) == null && matcher.group(3) == null)) {
            return Optional.empty();
        }
        String repository = matcher.group(1);
        ImageIdentifier id = ImageIdentifier.builder().imageTag(matcher.group(2)).imageDigest(matcher.group(3)).build();
        BatchGetImageResponse found;
        try {
            found = ecr.batchGetImage(request -> request.repositoryName(repository).imageIds(id));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return found.images().stream().findFirst().flatMap(pulled -> {
            JsonNode manifest = Json.parse(pulled.imageManifest());
            String version = matcher.group(2) != null ? matcher.group(2) : tagOf(repository, pulled.imageId().imageDigest());
            return ecr.blob(repository, manifest.path("config").path("digest").asText())
                    .map(config -> Json.parse(config).path("config").path("Labels").path(LocalImage.PROFILE_LABEL))
                    .filter(JsonNode::isTextual)
                    .map(profile -> AppProfile.named(profile.asText(), version));
        });
    }

    /** The version an image pulled by digest reports: its tag, else the start of its digest. */
    private String tagOf(String repository, String digest) {
        return ecr.describeImages(request -> request.repositoryName(repository)
                        .imageIds(id -> id.imageDigest(digest)))
                .imageDetails().stream().flatMap(details -> details.imageTags().stream()).findFirst()
                .orElse(digest.substring("sha256:".length(), "sha256:".length() + 12));
    }
}
