package dev.greenlight.local.twin.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.twin.LocalTwin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's twin-only page that tells a script where a listener answers on loopback (AWS's
 * listener port is declared, not bound), so that {@code curl} can reach a load balancer it made.
 */
class ListenerUrlPageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ServedTwin served;

    @BeforeAll
    static void serve() {
        served = new ServedTwin();
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void aListenersUrlAnswersWithTheProductionVersion() throws Exception {
        HttpResponse<String> page = get(served.orders().productionListenerArn());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().trim()).matches("http://127\\.0\\.0\\.1:\\d+/");
        URI production = URI.create(page.body().trim());
        String body = Polling.until(() -> answer(production), text -> text.contains("\"version\":\"1.0\""),
                Duration.ofSeconds(60), "version 1.0 on " + production);
        assertThat(body).contains("\"status\":200");
    }

    @Test
    void anUnknownListenerIsNotFound() throws Exception {
        assertThat(get("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2").statusCode())
                .isEqualTo(404);
    }

    /** The app's answer, or "" while no task is healthy behind the listener yet. */
    private static String answer(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> get(String listenerArn) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + served.port()
                + LocalTwin.LISTENER_URL_PATH + "?arn=" + URLEncoder.encode(listenerArn, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
