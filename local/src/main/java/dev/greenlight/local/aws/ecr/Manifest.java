package dev.greenlight.local.aws.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import java.util.ArrayList;
import java.util.List;

/** What the registry reads from an image manifest: its media type and the blobs it names. */
record Manifest(String mediaType, String configMediaType, List<String> blobDigests, long layersSize) {

    private static final int MAX_MANIFEST = 4 * 1024 * 1024;

    /** @throws software.amazon.awssdk.services.ecr.model.InvalidParameterException when it is not a manifest */
    static Manifest parse(String text, String declaredMediaType) {
        JsonNode manifest = json(text);
        String mediaType = declaredMediaType != null ? declaredMediaType : manifest.path("mediaType").textValue();
        if (mediaType == null) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageManifestMediaType' failed to satisfy "
                    + "constraint: 'The manifest does not declare a media type'");
        }
        List<String> digests = new ArrayList<>();
        if (manifest.path("config").has("digest")) {
            digests.add(manifest.path("config").path("digest").asText());
        }
        long size = 0;
        for (JsonNode layer : manifest.path("layers")) {
            digests.add(layer.path("digest").asText());
            size += layer.path("size").asLong();
        }
        return new Manifest(mediaType, manifest.path("config").path("mediaType").textValue(), digests, size);
    }

    private static JsonNode json(String text) {
        JsonNode manifest;
        try {
            manifest = text == null || text.length() > MAX_MANIFEST ? null : Json.parse(text);
        } catch (RuntimeException e) {
            manifest = null;
        }
        if (manifest == null || !manifest.isObject()) {
            throw EcrErrors.invalidParameter(
                    "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'");
        }
        return manifest;
    }
}
