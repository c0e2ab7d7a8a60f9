package dev.greenlight.local.aws.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.clock.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.EmptyUploadException;
import software.amazon.awssdk.services.ecr.model.InvalidLayerException;
import software.amazon.awssdk.services.ecr.model.InvalidLayerPartException;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LayerAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.LayerAvailability;
import software.amazon.awssdk.services.ecr.model.LayerFailureCode;
import software.amazon.awssdk.services.ecr.model.LayersNotFoundException;
import software.amazon.awssdk.services.ecr.model.UploadNotFoundException;

/** Pushing an image the way registry clients do through ECR's API: blobs by upload, then PutImage. */
class EcrLayerUploadTest {

    private final VirtualClock clock = new VirtualClock();
    private final List<String> pushed = new ArrayList<>();
    private final EcrTwin twin = new EcrTwin(clock, (type, resources, detail) ->
            pushed.add(detail.path("action-type").asText() + " " + detail.path("image-tag").asText()));
    private final EcrClient client = twin;

    @BeforeEach
    void repository() {
        client.createRepository(r -> r.repositoryName("orders"));
    }

    @Test
    void anImageUploadedBlobByBlobIsPushedWithTheManifestsSha256AndItsConfigIsReadLikeAPushedOne() {
        byte[] layer = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        String config = "{\"architecture\":\"arm64\",\"os\":\"linux\",\"config\":{\"Labels\":{\""
                + LocalImage.PROFILE_LABEL + "\":\"slow\"}}}";
        String layerDigest = upload(layer, 7);
        String configDigest = upload(config.getBytes(StandardCharsets.UTF_8), 1000);
        String manifest = manifest(configDigest, config.length(), layerDigest, layer.length);

        var image = client.putImage(r -> r.repositoryName("orders").imageTag("2.0").imageManifest(manifest)).image();

        assertThat(image.imageId().imageDigest()).isEqualTo(Digests.sha256(manifest));
        assertThat(pushed).containsExactly("PUSH 2.0");
        JsonNode read = Json.parse(twin.blob("orders", configDigest).orElseThrow());
        assertThat(read.path("config").path("Labels").path(LocalImage.PROFILE_LABEL).asText()).isEqualTo("slow");
        assertThat(client.describeImages(r -> r.repositoryName("orders")).imageDetails().get(0).imageSizeInBytes())
                .isEqualTo(layer.length);
    }

    @Test
    void partsMustFollowOneAnotherAndSpanTheirBytes() {
        String id = client.initiateLayerUpload(r -> r.repositoryName("orders")).uploadId();

        assertThatThrownBy(() -> part(id, 1, new byte[] {1, 2}))
                .isInstanceOf(InvalidLayerPartException.class)
                .satisfies(e -> assertThat(((InvalidLayerPartException) e).lastValidByteReceived()).isEqualTo(-1));
        assertThat(part(id, 0, new byte[] {1, 2})).isEqualTo(1);
        assertThatThrownBy(() -> part(id, 1, new byte[] {3})).isInstanceOf(InvalidLayerPartException.class);
        assertThatThrownBy(() -> client.uploadLayerPart(r -> r.repositoryName("orders").uploadId(id)
                .partFirstByte(2L).partLastByte(5L).layerPartBlob(SdkBytes.fromByteArray(new byte[] {3}))))
                .isInstanceOf(InvalidLayerPartException.class)
                .satisfies(e -> assertThat(((InvalidLayerPartException) e).lastValidByteReceived()).isEqualTo(1));
        assertThat(part(id, 2, new byte[] {3})).isEqualTo(2);
    }

    @Test
    void completingChecksTheDigestTheUploadAndThatTheLayerIsNew() {
        String empty = client.initiateLayerUpload(r -> r.repositoryName("orders")).uploadId();
        assertThatThrownBy(() -> complete(empty, Digests.sha256(new byte[0]))).isInstanceOf(EmptyUploadException.class);

        String wrong = client.initiateLayerUpload(r -> r.repositoryName("orders")).uploadId();
        part(wrong, 0, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> complete(wrong, Digests.sha256(new byte[] {9})))
                .isInstanceOf(InvalidLayerException.class);
        assertThatThrownBy(() -> client.completeLayerUpload(r -> r.repositoryName("orders").uploadId(wrong)))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(complete(wrong, Digests.sha256(new byte[] {1, 2, 3}))).isEqualTo(Digests.sha256(new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> complete(wrong, Digests.sha256(new byte[] {1, 2, 3})))
                .isInstanceOf(UploadNotFoundException.class);

        assertThatThrownBy(() -> upload(new byte[] {1, 2, 3}, 10)).isInstanceOf(LayerAlreadyExistsException.class);
        client.createRepository(r -> r.repositoryName("payments"));
        String elsewhere = client.initiateLayerUpload(r -> r.repositoryName("payments")).uploadId();
        assertThatThrownBy(() -> part(elsewhere, 0, new byte[] {1}))
                .isInstanceOf(UploadNotFoundException.class);
    }

    @Test
    void availabilityAnswersUploadedLayersAndFailsTheRest() {
        String there = upload(new byte[] {4, 5, 6}, 3);
        String missing = Digests.sha256(new byte[] {7});

        var answer = client.batchCheckLayerAvailability(r -> r.repositoryName("orders")
                .layerDigests(there, missing, "sha256:nothex"));

        assertThat(answer.layers()).hasSize(1);
        assertThat(answer.layers().get(0).layerAvailability()).isEqualTo(LayerAvailability.AVAILABLE);
        assertThat(answer.layers().get(0).layerSize()).isEqualTo(3);
        assertThat(answer.failures()).extracting(f -> f.failureCode())
                .containsExactly(LayerFailureCode.MISSING_LAYER_DIGEST, LayerFailureCode.INVALID_LAYER_DIGEST);
    }

    @Test
    void putImageRefusesAManifestNamingABlobNeverUploaded() {
        String layerDigest = upload(new byte[] {1}, 1);
        String manifest = manifest(Digests.sha256("{}"), 2, layerDigest, 1);

        assertThatThrownBy(() -> client.putImage(r -> r.repositoryName("orders").imageTag("x").imageManifest(manifest)))
                .isInstanceOf(LayersNotFoundException.class)
                .hasMessageContaining(Digests.sha256("{}"));
        assertThat(pushed).isEmpty();
    }

    @Test
    void theAuthorizationTokenIsABasicLoginForTwelveHours() {
        var data = client.getAuthorizationToken(r -> { }).authorizationData().get(0);

        String login = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        assertThat(login).startsWith("AWS:").hasSizeGreaterThan(4);
        assertThat(data.expiresAt()).isEqualTo(clock.now().plus(EcrTwin.TOKEN_LIFETIME));
        assertThat(data.proxyEndpoint()).isEqualTo("http://127.0.0.1:4566");
    }

    /** Uploads a blob in parts of at most {@code partSize} bytes and returns its digest. */
    private String upload(byte[] blob, int partSize) {
        String id = client.initiateLayerUpload(r -> r.repositoryName("orders")).uploadId();
        for (int first = 0; first < blob.length; first += partSize) {
            part(id, first, Arrays.copyOfRange(blob, first, Math.min(blob.length, first + partSize)));
        }
        return complete(id, Digests.sha256(blob));
    }

    private long part(String id, long first, byte[] bytes) {
        return client.uploadLayerPart(r -> r.repositoryName("orders").uploadId(id).partFirstByte(first)
                .partLastByte(first + bytes.length - 1).layerPartBlob(SdkBytes.fromByteArray(bytes))).lastByteReceived();
    }

    private String complete(String id, String digest) {
        return client.completeLayerUpload(r -> r.repositoryName("orders").uploadId(id).layerDigests(digest)).layerDigest();
    }

    private static String manifest(String configDigest, long configSize, String layerDigest, long layerSize) {
        ObjectNode manifest = Json.NODES.objectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", ImageBuild.MANIFEST_TYPE);
        manifest.putObject("config").put("mediaType", ImageBuild.CONFIG_TYPE).put("digest", configDigest)
                .put("size", configSize);
        manifest.putArray("layers").addObject().put("mediaType", ImageBuild.LAYER_TYPE).put("digest", layerDigest)
                .put("size", layerSize);
        return Json.write(manifest);
    }
}
