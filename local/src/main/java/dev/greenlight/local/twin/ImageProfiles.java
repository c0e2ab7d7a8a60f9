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
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/**
 * What an ECS container's image runs on the fleet, read from the ECR twin as a container runtime
 * would pull it: the app profile in its config's {@link LocalImage#PROFILE_LABEL} label (none means
 * healthy). An image ECR does not hold, or one built for another platform than the task's runtime
 * platform (Fargate's default linux/amd64), cannot be pulled; one whose label names no profile, or
 * that has neither Entrypoint nor Cmd when the task definition gives no command, exits as it starts.
 * An image from ECR Public runs as the healthy sample app, tagged as the image is.
 */
final class ImageProfiles {

    /** {@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY(:TAG|@DIGEST)}. */
    private static final Pattern ECR_IMAGE = Pattern.compile(
            "\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?");

    /** ECR Public's registry, whose images anyone may pull. */
    private static final String ECR_PUBLIC = "public.ecr.aws/";

    /** What pulling and starting an image comes to. */
    sealed interface Outcome {
    }

    /** The image runs the sample app with this profile. */
    record Runs(AppProfile profile) implements Outcome {
    }

    /** The image cannot be pulled; {@code reason} as ECS words it in the task's stoppedReason. */
    record CannotPull(String reason) implements Outcome {
    }

    /** The image pulls but its app exits at start with code 1; {@code reason} as the container's reason. */
    record ExitsAtStart(String reason) implements Outcome {
    }

    private final EcrTwin ecr;

    ImageProfiles(EcrTwin ecr) {
        this.ecr = ecr;
    }

    /** Pulls {@code image} for a task on {@code platform} ({@code linux/amd64}) and starts it. */
    Outcome pull(String image, String platform, boolean commandGiven) {
        if (image.startsWith(ECR_PUBLIC)) {
            // The twin has no ECR Public and reaches no registry: a public image a stack starts a service
            // with (CDK's demo runs nginx until the pipeline deploys) runs as the healthy sample app.
            return new Runs(AppProfile.healthy(image.contains(":") ? image.substring(image.lastIndexOf(':') + 1)
                    : "latest"));
        }
        Matcher matcher = ECR_IMAGE.matcher(image);
        if (!matcher.matches() || (matcher.group(2) == null && matcher.group(3) == null)) {
            return notFound(image);
        }
        String repository = matcher.group(1);
        ImageIdentifier id = ImageIdentifier.builder().imageTag(matcher.group(2)).imageDigest(matcher.group(3)).build();
        BatchGetImageResponse found;
        try {
            found = ecr.batchGetImage(request -> request.repositoryName(repository).imageIds(id));
        } catch (RuntimeException e) {
            return notFound(image);
        }
        Optional<Image> pulled = found.images().stream().findFirst();
        if (pulled.isEmpty()) {
            return notFound(image);
        }
        JsonNode manifest = Json.parse(pulled.get().imageManifest());
        Optional<JsonNode> config = ecr.blob(repository, manifest.path("config").path("digest").asText())
                .map(Json::parse);
        if (config.isEmpty()) {
            return notFound(image);
        }
        String built = config.get().path("os").asText("linux") + "/" + config.get().path("architecture").asText("amd64");
        if (!built.equals(platform)) {
            // The error containerd gives when an image has no variant for the task's platform.
            return new CannotPull("CannotPullContainerError: pull image manifest has been retried 5 time(s): "
                    + "image Manifest does not contain descriptor matching platform '" + platform + "'");
        }
        if (!commandGiven && isEmpty(config.get().path("config").path("Entrypoint"))
                && isEmpty(config.get().path("config").path("Cmd"))) {
            // The container runtime's words for an image with nothing to run; ECS then stops the task as
            // for any essential container that exits (its wording for this case on Fargate is unpublished).
            return new ExitsAtStart("CannotStartContainerError: Error response from daemon: No command specified");
        }
        String version = matcher.group(2) != null ? matcher.group(2)
                : tagOf(repository, pulled.get().imageId().imageDigest());
        JsonNode label = config.get().path("config").path("Labels").path(LocalImage.PROFILE_LABEL);
        if (!label.isTextual()) {
            return new Runs(AppProfile.healthy(version));
        }
        try {
            return new Runs(AppProfile.named(label.asText(), version));
        } catch (IllegalArgumentException e) {
            return new ExitsAtStart("sample app version " + version + " exited during start: " + e.getMessage());
        }
    }

    private static boolean isEmpty(JsonNode list) {
        return !list.isArray() || list.isEmpty();
    }

    /** The error a Fargate task stops with when its image is not in the registry. */
    private static CannotPull notFound(String image) {
        return new CannotPull("CannotPullContainerError: pull image manifest has been retried 5 time(s): "
                + "failed to resolve ref " + image + ": not found");
    }

    /** The version an image pulled by digest reports: its tag, else the start of its digest. */
    private String tagOf(String repository, String digest) {
        return ecr.describeImages(request -> request.repositoryName(repository)
                        .imageIds(i -> i.imageDigest(digest)))
                .imageDetails().stream().flatMap(details -> details.imageTags().stream()).findFirst()
                .orElse(digest.substring("sha256:".length(), "sha256:".length() + 12));
    }
}
