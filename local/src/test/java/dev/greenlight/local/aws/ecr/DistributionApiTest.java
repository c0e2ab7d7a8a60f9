package dev.greenlight.local.aws.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.clock.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecr.model.LayerInaccessibleException;
import software.amazon.awssdk.services.ecr.model.LayersNotFoundException;

/** The twin's registry as the distribution spec describes it, on the ECR twin's own store. */
class DistributionApiTest {

    private static final String LOGIN = "Basic " + Base64.getEncoder()
            .encodeToString("AWS:greenlight-local-twin".getBytes(StandardCharsets.UTF_8));
    private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

    private final List<String> events = new ArrayList<>();
    private final EcrTwin ecr = new EcrTwin(new VirtualClock(), (type, resources, detail) ->
            events.add(type + " " + detail.path("action-type").asText() + " " + detail.path("image-tag").asText()));
    private final DistributionApi registry = new DistributionApi(ecr);

    @BeforeEach
    void repositories() {
        ecr.createRepository(r -> r.repositoryName("orders"));
        ecr.createRepository(r -> r.repositoryName("team/payments"));
    }

    @Test
    void aBlobUploadedInChunksIsServedByDigestAndAManifestPutByTagIsAnEcrPush() {
        byte[] layer = "a layer that arrives in three chunks".getBytes(StandardCharsets.UTF_8);
        String location = call("POST", "/v2/orders/blobs/uploads/", null, Map.of(), new byte[0])
                .headers().get("Location");
        int third = layer.length / 3;
        DistributionApi.Reply first = call("PATCH", location, null, Map.of("content-range", "0-" + (third - 1)),
                Arrays.copyOf(layer, third));
        call("PATCH", location, null, Map.of(), Arrays.copyOfRange(layer, third, 2 * third));
        DistributionApi.Reply closed = call("PUT", location, "digest=" + Digests.sha256(layer), Map.of(),
                Arrays.copyOfRange(layer, 2 * third, layer.length));
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}";
        call("POST", "/v2/orders/blobs/uploads/", "digest=" + Digests.sha256(config), Map.of(),
                config.getBytes(StandardCharsets.UTF_8));
        String manifest = manifest(DOCKER_MANIFEST, Digests.sha256(config), Digests.sha256(layer));

        DistributionApi.Reply put = call("PUT", "/v2/orders/manifests/2.0", null,
                Map.of("content-type", DOCKER_MANIFEST), manifest.getBytes(StandardCharsets.UTF_8));

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.headers()).containsEntry("Range", "0-" + (third - 1));
        assertThat(closed.status()).isEqualTo(201);
        assertThat(closed.headers()).containsEntry("Docker-Content-Digest", Digests.sha256(layer));
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.headers()).containsEntry("Docker-Content-Digest", Digests.sha256(manifest));
        assertThat(events).containsExactly("ECR Image Action PUSH 2.0");
        assertThat(call("GET", "/v2/orders/blobs/" + Digests.sha256(layer), null, Map.of(), new byte[0]).body())
                .isEqualTo(layer);
        DistributionApi.Reply head = call("HEAD", "/v2/orders/manifests/" + Digests.sha256(manifest), null, Map.of(),
                new byte[0]);
        assertThat(head.headers()).containsEntry("Content-Type", DOCKER_MANIFEST)
                .containsEntry("Content-Length", String.valueOf(manifest.length()));
        assertThat(head.body()).isEmpty();
        assertThat(new String(call("GET", "/v2/orders/manifests/2.0", null, Map.of(), new byte[0]).body(),
                StandardCharsets.UTF_8)).isEqualTo(manifest);
        assertThat(ecr.describeImages(r -> r.repositoryName("orders")).imageDetails().get(0).imageTags())
                .containsExactly("2.0");
    }

    @Test
    void aMountFromARepositoryThatHoldsTheBlobCreatesItAndOtherwiseOpensAnUpload() {
        byte[] blob = "shared base layer".getBytes(StandardCharsets.UTF_8);
        call("POST", "/v2/orders/blobs/uploads/", "digest=" + Digests.sha256(blob), Map.of(), blob);

        DistributionApi.Reply mounted = call("POST", "/v2/team/payments/blobs/uploads/",
                "mount=" + Digests.sha256(blob) + "&from=orders", Map.of(), new byte[0]);
        DistributionApi.Reply notThere = call("POST", "/v2/team/payments/blobs/uploads/",
                "mount=" + Digests.sha256("other") + "&from=orders", Map.of(), new byte[0]);

        assertThat(mounted.status()).isEqualTo(201);
        assertThat(call("HEAD", "/v2/team/payments/blobs/" + Digests.sha256(blob), null, Map.of(), new byte[0])
                .headers()).containsEntry("Content-Length", String.valueOf(blob.length));
        assertThat(notThere.status()).isEqualTo(202);
        assertThat(notThere.headers().get("Location")).startsWith("/v2/team/payments/blobs/uploads/");
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "GET,  /v2/orders/manifests/missing,       404, MANIFEST_UNKNOWN",
            "GET,  /v2/nowhere/manifests/1.0,          404, NAME_UNKNOWN",
            "HEAD, /v2/orders/blobs/sha256:0000000000000000000000000000000000000000000000000000000000000000, 404, BLOB_UNKNOWN",
            "PATCH, /v2/orders/blobs/uploads/no-such-upload, 404, BLOB_UPLOAD_UNKNOWN",
            "PUT,  /v2/orders/manifests/bad:tag,       400, TAG_INVALID",
            "DELETE, /v2/orders/blobs/uploads/,        405, UNSUPPORTED",
    })
    void errorsCarryTheDistributionSpecsCodes(String method, String path, int status, String code) {
        DistributionApi.Reply reply = call(method, path, null, Map.of(), "x".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(status);
        if (!method.equals("HEAD")) {
            assertThat(Json.parse(new String(reply.body(), StandardCharsets.UTF_8)).at("/errors/0/code").asText())
                    .isEqualTo(code);
        }
    }

    @Test
    void aManifestNamingABlobNeverUploadedIsManifestBlobUnknownAndAWrongDigestIsDigestInvalid() {
        String location = call("POST", "/v2/orders/blobs/uploads/", null, Map.of(), new byte[0]).headers().get("Location");
        call("PATCH", location, null, Map.of(), "bytes".getBytes(StandardCharsets.UTF_8));

        DistributionApi.Reply wrongDigest = call("PUT", location, "digest=" + Digests.sha256("other"), Map.of(),
                new byte[0]);
        DistributionApi.Reply unknownBlob = call("PUT", "/v2/orders/manifests/1.0", null, Map.of(), manifest(
                "application/vnd.oci.image.manifest.v1+json", Digests.sha256("c"), Digests.sha256("l"))
                .getBytes(StandardCharsets.UTF_8));

        assertThat(wrongDigest.status()).isEqualTo(400);
        assertThat(new String(wrongDigest.body(), StandardCharsets.UTF_8)).contains("DIGEST_INVALID");
        assertThat(unknownBlob.status()).isEqualTo(400);
        assertThat(new String(unknownBlob.body(), StandardCharsets.UTF_8)).contains("MANIFEST_BLOB_UNKNOWN");
        assertThat(events).isEmpty();
    }

    @Test
    void withoutEcrsLoginTheRegistryChallengesForIt() {
        DistributionApi.Reply anonymous = registry.serve("GET", "/v2/", null, name -> Optional.empty(), new byte[0]);
        DistributionApi.Reply wrong = registry.serve("GET", "/v2/", null, name -> Optional.of("Basic "
                + Base64.getEncoder().encodeToString("AWS:guess".getBytes(StandardCharsets.UTF_8))), new byte[0]);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().get("WWW-Authenticate")).startsWith("Basic realm=");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(call("GET", "/v2/", null, Map.of(), new byte[0]).status()).isEqualTo(200);
    }

    @Test
    void getDownloadUrlForLayerServesALayerOfAnImageWithoutALoginAndRefusesOthers() {
        byte[] layer = "layer".getBytes(StandardCharsets.UTF_8);
        byte[] loose = "uploaded but in no image".getBytes(StandardCharsets.UTF_8);
        String config = "{}";
        for (byte[] blob : List.of(layer, loose, config.getBytes(StandardCharsets.UTF_8))) {
            call("POST", "/v2/orders/blobs/uploads/", "digest=" + Digests.sha256(blob), Map.of(), blob);
        }
        call("PUT", "/v2/orders/manifests/1.0", null, Map.of(), manifest("application/vnd.oci.image.manifest.v1+json",
                Digests.sha256(config), Digests.sha256(layer)).getBytes(StandardCharsets.UTF_8));

        String url = ecr.getDownloadUrlForLayer(r -> r.repositoryName("orders").layerDigest(Digests.sha256(layer)))
                .downloadUrl();
        String pathAndQuery = url.substring("http://127.0.0.1:4566".length());
        String path = pathAndQuery.substring(0, pathAndQuery.indexOf('?'));
        DistributionApi.Reply downloaded = registry.serve("GET", path, pathAndQuery.substring(path.length() + 1),
                name -> Optional.empty(), new byte[0]);

        assertThat(downloaded.body()).isEqualTo(layer);
        assertThatThrownBy(() -> ecr.getDownloadUrlForLayer(r -> r.repositoryName("orders")
                .layerDigest(Digests.sha256(loose)))).isInstanceOf(LayerInaccessibleException.class);
        assertThatThrownBy(() -> ecr.getDownloadUrlForLayer(r -> r.repositoryName("orders")
                .layerDigest(Digests.sha256("never")))).isInstanceOf(LayersNotFoundException.class);
        assertThat(registry.serve("GET", path, null, name -> Optional.empty(), new byte[0]).status()).isEqualTo(401);
    }

    private DistributionApi.Reply call(String method, String path, String query, Map<String, String> headers,
            byte[] body) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("authorization", LOGIN);
        return registry.serve(method, path, query, name -> Optional.ofNullable(all.get(name)), body);
    }

    private static String manifest(String mediaType, String configDigest, String layerDigest) {
        return "{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":2},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\""
                + layerDigest + "\",\"size\":5}]}";
    }
}
