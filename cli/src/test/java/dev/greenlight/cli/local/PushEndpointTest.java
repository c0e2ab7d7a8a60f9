package dev.greenlight.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.core.Worker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PushEndpointTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final PushEndpoint endpoint = PushEndpoint.start(twin);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        endpoint.close();
        twin.close();
    }

    @Test
    void aBodyThatIsNotJsonIsA400WithAMessage() throws Exception {
        HttpResponse<String> answer = post("{not json");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(Worker.JSON.readTree(answer.body()).get("message").asText()).contains("not JSON");
    }

    @Test
    void aBodyThatIsNotAnObjectIsA400WithAMessage() throws Exception {
        HttpResponse<String> answer = post("[1, 2]");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Worker.JSON.readTree(answer.body()).get("message").asText()).contains("JSON object");
    }

    @Test
    void anUnknownProfileIsA400ListingTheProfiles_andNothingIsPushed() throws Exception {
        twin.ecr().createRepository(r -> r.repositoryName("orders"));

        HttpResponse<String> answer = post("{\"repository\": \"orders\", \"tag\": \"2.1\", \"profile\": \"bogus\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Worker.JSON.readTree(answer.body()).get("message").asText())
                .contains("unknown app profile 'bogus'", "healthy, errors[:SHARE], slow[:MILLIS], unhealthy, crash");
        assertThat(twin.ecr().describeImages(r -> r.repositoryName("orders")).imageDetails()).isEmpty();
    }

    @Test
    void aBodyOverItsLimitIsRefusedWithAMessage() throws Exception {
        HttpResponse<String> answer = post("\"" + "a".repeat(PushEndpoint.MAX_BODY) + "\"");

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(Worker.JSON.readTree(answer.body()).get("message").asText()).contains("at most");
    }

    @Test
    void twoHundredStalledConnectionsDoNotHoldUpAPush() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port());
                stalled.add(socket);
                socket.getOutputStream().write("POST /push HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            }

            HttpResponse<String> answer = assertTimeoutPreemptively(Duration.ofSeconds(3),
                    () -> post("{\"repository\": \"nowhere\", \"tag\": \"1.0\", \"profile\": \"healthy\"}"));

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("nowhere");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    private int port() {
        return URI.create(endpoint.url()).getPort();
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
