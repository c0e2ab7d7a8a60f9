package dev.greenlight.statemachine.twin;

import dev.greenlight.local.aws.ecr.LocalImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * An image pushed as registry clients push through ECR's API: each blob by InitiateLayerUpload,
 * UploadLayerPart and CompleteLayerUpload, then PutImage with a manifest naming them. Its config
 * carries the sample app's profile in the label {@link LocalImage#PROFILE_LABEL}, as the fleet reads it.
 */
final class LayerUploadPush {

    private LayerUploadPush() {
    }

    /** Pushes and returns the image digest, the sha256 of the manifest's bytes. */
    static String push(EcrClient ecr, String repository, String tag, String profile) {
        byte[] layer = ("sample app " + tag).getBytes(StandardCharsets.UTF_8);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Entrypoint\":[\"/app\"],\"Labels\":"
                + "{\"" + LocalImage.PROFILE_LABEL + "\":\"" + profile + "\"}}}").getBytes(StandardCharsets.UTF_8);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + upload(ecr, repository, config) + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + upload(ecr, repository, layer)
                + "\",\"size\":" + layer.length + "}]}";
        return ecr.putImage(r -> r.repositoryName(repository).imageTag(tag).imageManifest(manifest))
                .image().imageId().imageDigest();
    }

    private static String upload(EcrClient ecr, String repository, byte[] blob) {
        String id = ecr.initiateLayerUpload(r -> r.repositoryName(repository)).uploadId();
        ecr.uploadLayerPart(r -> r.repositoryName(repository).uploadId(id).partFirstByte(0L)
                .partLastByte(blob.length - 1L).layerPartBlob(SdkBytes.fromByteArray(blob)));
        String digest = sha256(blob);
        return ecr.completeLayerUpload(r -> r.repositoryName(repository).uploadId(id).layerDigests(digest))
                .layerDigest();
    }

    private static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
