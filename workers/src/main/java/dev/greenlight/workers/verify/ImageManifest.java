package dev.greenlight.workers.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What VerifyImage reads from a manifest: a single image names its config blob; an index (a
 * multi-platform image, or buildx's default output with attestations) names one manifest per platform.
 */
sealed interface ImageManifest {

    /** The media types BatchGetImage is asked for, so that ECR returns manifests as pushed. */
    List<String> ACCEPTED = List.of(
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    /** One image: its config blob's digest. */
    record Single(String configDigest) implements ImageManifest {
    }

    /** An index: the image manifest for each platform (attestation entries, platform unknown/unknown, left out). */
    record Index(List<Entry> entries) implements ImageManifest {

        Optional<Entry> forPlatform(Platform platform) {
            return entries.stream().filter(entry -> entry.platform().equals(platform)).findFirst();
        }
    }

    record Entry(String digest, Platform platform) {
    }

    /** A manifest VerifyImage cannot read (Docker schema 1, an artifact), with why. */
    record Unsupported(String why) implements ImageManifest {
    }

    static ImageManifest parse(String text, String mediaType) {
        JsonNode manifest;
        try {
            manifest = Worker.JSON.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            return new Unsupported("the manifest is not JSON");
        }
        if (manifest == null || !manifest.isObject()) {
            return new Unsupported("the manifest is not a JSON object");
        }
        String type = mediaType != null ? mediaType : manifest.path("mediaType").asText("");
        if (manifest.has("manifests")) {
            List<Entry> entries = new ArrayList<>();
            for (JsonNode entry : manifest.path("manifests")) {
                Platform platform = new Platform(entry.path("platform").path("os").asText(""),
                        entry.path("platform").path("architecture").asText(""));
                if (!platform.os().equals("unknown") && !platform.os().isEmpty()) {
                    entries.add(new Entry(entry.path("digest").asText(), platform));
                }
            }
            return new Index(entries);
        }
        String config = manifest.path("config").path("digest").asText("");
        if (config.isEmpty() || manifest.path("schemaVersion").asInt() != 2) {
            return new Unsupported("manifest type '" + type + "' has no image config (Docker schema 2 or OCI "
                    + "images only: push with a current docker or buildx)");
        }
        return new Single(config);
    }
}
