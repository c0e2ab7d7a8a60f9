package dev.greenlight.local.aws.ecr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a {@link LocalImage} into what a registry stores: an OCI image config (labels under
 * {@code config.Labels}), one layer and the manifest naming both by digest. The same image
 * always builds to the same bytes, so pushing it again gives the same digest.
 */
record ImageBuild(String manifest, Map<String, String> blobs, long layersSize) {

    static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
    static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";

    static ImageBuild of(LocalImage image) {
        String layer = "greenlight sample app, profile " + image.appProfile() + ", tag " + image.tag();
        String config = Json.write(config(image, Digests.sha256(layer)));
        ObjectNode manifest = Json.NODES.objectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MANIFEST_TYPE);
        manifest.set("config", descriptor(CONFIG_TYPE, config));
        manifest.putArray("layers").add(descriptor(LAYER_TYPE, layer));
        Map<String, String> blobs = new LinkedHashMap<>();
        blobs.put(Digests.sha256(config), config);
        blobs.put(Digests.sha256(layer), layer);
        return new ImageBuild(Json.write(manifest), blobs, Digests.size(layer));
    }

    private static ObjectNode config(LocalImage image, String layerDigest) {
        ObjectNode config = Json.NODES.objectNode();
        config.put("architecture", image.architecture());
        config.put("os", image.os());
        ObjectNode runs = config.putObject("config");
        runs.putArray("Entrypoint").add("/sample-app");
        ObjectNode labels = runs.putObject("Labels");
        image.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(label -> labels.put(label.getKey(), label.getValue()));
        if (image.appProfile() != null) {
            labels.put(LocalImage.PROFILE_LABEL, image.appProfile());
        }
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(layerDigest);
        return config;
    }

    private static ObjectNode descriptor(String mediaType, String content) {
        ObjectNode descriptor = Json.NODES.objectNode();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", Digests.sha256(content));
        descriptor.put("size", Digests.size(content));
        return descriptor;
    }
}
