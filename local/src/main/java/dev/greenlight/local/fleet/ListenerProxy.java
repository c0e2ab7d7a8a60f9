package dev.greenlight.local.fleet;

import dev.greenlight.local.clock.Clock;
import dev.greenlight.local.http.LoopbackServer;
import dev.greenlight.local.http.Replies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A listener as a real reverse proxy on an ephemeral loopback port: each request goes to the
 * target the load balancer picks, and the answer (or 502/503, as ALB answers) goes back. The
 * call to the target is asynchronous, so a slow target holds no thread of the listener.
 */
final class ListenerProxy extends Handler.Abstract implements AutoCloseable {

    private static final Duration TARGET_TIMEOUT = Duration.ofSeconds(10);

    private final ListenerRouting routing;
    private final HttpClient client;
    private final Clock clock;
    private LoopbackServer server;

    private ListenerProxy(ListenerRouting routing, HttpClient client, Clock clock) {
        this.routing = routing;
        this.client = client;
        this.clock = clock;
    }

    static ListenerProxy open(ListenerRouting routing, HttpClient client, Clock clock) {
        ListenerProxy proxy = new ListenerProxy(routing, client, clock);
        proxy.server = LoopbackServer.start("listener-proxy", 0, proxy);
        return proxy;
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Optional<Route> route = routing.route();
        if (route.isEmpty()) {
            Replies.send(response, callback, 503, Map.of(), new byte[0]);
            return true;
        }
        forward(request.getHttpURI().getPathQuery(), route.get(), response, callback);
        return true;
    }

    private void forward(String pathQuery, Route route, Response response, Callback callback) {
        URI uri = URI.create("http://" + route.target() + pathQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TARGET_TIMEOUT).GET().build();
        Instant sent = clock.now();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((answer, failure) -> {
            if (failure != null) {
                routing.unreachable(route);
                Replies.send(response, callback, 502, Map.of(), new byte[0]);
                return;
            }
            routing.answered(route, answer.statusCode(), Duration.between(sent, clock.now()));
            Map<String, String> headers = answer.headers().firstValue(UserResponse.VERSION_HEADER)
                    .map(version -> Map.of(UserResponse.VERSION_HEADER, version)).orElse(Map.of());
            Replies.send(response, callback, answer.statusCode(), headers, answer.body());
        });
    }
}
