package dev.greenlight.workers.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerRequest;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerResponse;

/** The AWS way to an image config: GetDownloadUrlForLayer, then an HTTP GET of the pre-signed URL (here on loopback). */
class EcrImageConfigsTest {

    private static final String CONFIG = "{\"architecture\":\"amd64\",\"os\":\"linux\"}";

    private final Map<String, String> served = new HashMap<>();
    private final HttpServer blobStore = start();
    private final Map<String, GetDownloadUrlForLayerRequest> asked = new HashMap<>();

    @AfterEach
    void stop() {
        blobStore.stop(0);
    }

    @Test
    void fetch_downloadsThePresignedUrlAndChecksTheDigest() {
        String digest = EcrImageConfigs.sha256(CONFIG.getBytes(StandardCharsets.UTF_8));
        served.put("/blob", CONFIG);

        String config = configs("/blob").fetch("123456789012", "orders", digest);

        assertThat(config).isEqualTo(CONFIG);
        assertThat(asked.get("request").layerDigest()).isEqualTo(digest);
        assertThat(asked.get("request").repositoryName()).isEqualTo("orders");
        assertThat(asked.get("request").registryId()).isEqualTo("123456789012");
    }

    @Test
    void contentOfAnotherDigest_isRefused() {
        served.put("/blob", CONFIG);
        String other = "sha256:" + "1".repeat(64);

        assertThatThrownBy(() -> configs("/blob").fetch("123456789012", "orders", other))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not " + other);
    }

    @Test
    void httpErrorFromTheUrl_isAClientErrorWorthRetrying() {
        assertThatThrownBy(() -> configs("/missing").fetch("123456789012", "orders", "sha256:ab"))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("HTTP 404");
    }

    private EcrImageConfigs configs(String path) {
        String url = "http://127.0.0.1:" + blobStore.getAddress().getPort() + path;
        EcrClient ecr = new EcrClient() {
            @Override
            public GetDownloadUrlForLayerResponse getDownloadUrlForLayer(GetDownloadUrlForLayerRequest request) {
                asked.put("request", request);
                return GetDownloadUrlForLayerResponse.builder().downloadUrl(url).layerDigest(request.layerDigest())
                        .build();
            }

            @Override
            public String serviceName() {
                return "ecr";
            }

            @Override
            public void close() {
            }
        };
        return new EcrImageConfigs(ecr, Duration.ofSeconds(5));
    }

    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = served.get(exchange.getRequestURI().getPath());
                byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
