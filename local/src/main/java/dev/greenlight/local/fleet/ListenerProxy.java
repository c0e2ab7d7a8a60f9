package dev.greenlight.local.fleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.local.clock.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A listener as a real reverse proxy on an ephemeral loopback port: each request goes to the
 * target the load balancer picks, and the answer (or 502/503, as ALB answers) goes back.
 */
final class ListenerProxy implements AutoCloseable {

    private static final Duration TARGET_TIMEOUT = Duration.ofSeconds(10);

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ListenerRouting routing;
    private final HttpClient client;
    private final Clock clock;

    private ListenerProxy(HttpServer server, ExecutorService handlers, ListenerRouting routing, HttpClient client,
            Clock clock) {
        this.server = server;
        this.handlers = handlers;
        this.routing = routing;
        this.client = client;
        this.clock = clock;
    }

    static ListenerProxy open(ListenerRouting routing, HttpClient client, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(Endpoint.LOOPBACK, 0), 0);
            ExecutorService handlers = Executors.newFixedThreadPool(8, SampleApp.daemon("listener-proxy"));
            ListenerProxy proxy = new ListenerProxy(server, handlers, routing, client, clock);
            server.createContext("/", proxy::handle);
            server.setExecutor(handlers);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a listener", e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Optional<Route> route = routing.route();
            if (route.isEmpty()) {
                send(exchange, 503, null, new byte[0]);
                return;
            }
            forward(exchange, route.get());
        }
    }

    private void forward(HttpExchange exchange, Route route) throws IOException {
        URI uri = URI.create("http://" + route.target() + exchange.getRequestURI());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TARGET_TIMEOUT).GET().build();
        Instant sent = clock.now();
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            routing.unreachable(route);
            send(exchange, 502, null, new byte[0]);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            routing.unreachable(route);
            send(exchange, 502, null, new byte[0]);
            return;
        }
        routing.answered(route, answer.statusCode(), Duration.between(sent, clock.now()));
        send(exchange, answer.statusCode(), answer.headers().firstValue(UserResponse.VERSION_HEADER).orElse(null),
                answer.body());
    }

    private static void send(HttpExchange exchange, int status, String version, byte[] body) throws IOException {
        if (version != null) {
            exchange.getResponseHeaders().set(UserResponse.VERSION_HEADER, version);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
