package dev.greenlight.workers.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.Worker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;

/**
 * An image's labels and platforms, read as a registry client reads them: BatchGetImage for the
 * manifest (for an index, then the manifest of the platform the service runs on), and the config
 * blob it names through {@link ImageConfigs}.
 */
final class ImageContents {

    /** What was read; {@code unreadable} says why nothing could be. */
    record Contents(Map<String, String> labels, List<Platform> platforms, String unreadable) {

        static Contents unreadable(String why) {
            return new Contents(Map.of(), List.of(), why);
        }
    }

    private final EcrClient ecr;
    private final ImageConfigs configs;

    ImageContents(EcrClient ecr, ImageConfigs configs) {
        this.ecr = ecr;
        this.configs = configs;
    }

    Contents read(String registryId, String repository, String digest, Platform wanted) {
        ImageManifest manifest = manifest(registryId, repository, digest);
        if (manifest instanceof ImageManifest.Index index) {
            if (index.entries().isEmpty()) {
                return Contents.unreadable("the image index " + digest + " lists no image for any platform");
            }
            ImageManifest.Entry entry = index.forPlatform(wanted).orElse(index.entries().get(0));
            Contents contents = single(registryId, repository, manifest(registryId, repository, entry.digest()));
            List<Platform> platforms = index.entries().stream().map(ImageManifest.Entry::platform).toList();
            return contents.unreadable() != null ? contents
                    : new Contents(contents.labels(), platforms, null);
        }
        return single(registryId, repository, manifest);
    }

    private ImageManifest manifest(String registryId, String repository, String digest) {
        BatchGetImageResponse response = ecr.batchGetImage(r -> r.registryId(registryId).repositoryName(repository)
                .imageIds(id -> id.imageDigest(digest)).acceptedMediaTypes(ImageManifest.ACCEPTED));
        if (response.images().isEmpty()) {
            String why = response.failures().isEmpty() ? "no manifest returned"
                    : response.failures().get(0).failureCodeAsString() + ": " + response.failures().get(0).failureReason();
            return new ImageManifest.Unsupported("BatchGetImage of " + digest + " failed (" + why + ")");
        }
        return ImageManifest.parse(response.images().get(0).imageManifest(),
                response.images().get(0).imageManifestMediaType());
    }

    private Contents single(String registryId, String repository, ImageManifest manifest) {
        if (manifest instanceof ImageManifest.Unsupported unsupported) {
            return Contents.unreadable(unsupported.why());
        }
        if (!(manifest instanceof ImageManifest.Single single)) {
            return Contents.unreadable("an image index inside an image index is not supported");
        }
        JsonNode config;
        try {
            config = Worker.JSON.readTree(configs.fetch(registryId, repository, single.configDigest()));
        } catch (JsonProcessingException e) {
            return Contents.unreadable("the image config " + single.configDigest() + " is not JSON");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        config.path("config").path("Labels").fields().forEachRemaining(label ->
                labels.put(label.getKey(), label.getValue().asText()));
        Platform platform = new Platform(config.path("os").asText(""), config.path("architecture").asText(""));
        return new Contents(labels, List.of(platform), null);
    }
}
