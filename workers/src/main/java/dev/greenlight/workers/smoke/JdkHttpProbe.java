package dev.greenlight.workers.smoke;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link HttpProbe} on the JDK's {@link HttpClient}: HTTP/1.1 as load balancer listeners speak it,
 * redirects not followed (a check may expect a 301), latency from the monotonic clock.
 */
public final class JdkHttpProbe implements HttpProbe {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;

    private JdkHttpProbe(HttpClient client) {
        this.client = client;
    }

    public static JdkHttpProbe create() {
        return new JdkHttpProbe(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(CONNECT_TIMEOUT).build());
    }

    @Override
    public Answer send(String method, URI uri, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", "greenlight-smoke-test")
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - started));
    }
}
