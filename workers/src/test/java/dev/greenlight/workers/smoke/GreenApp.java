package dev.greenlight.workers.smoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 standing in for green behind the test listener:
 * {@code /health} answers 200 "ok", {@code /broken} 500, {@code /slow} 200 after 400 ms,
 * {@code /degraded} 200 with a body that lacks "ok", {@code /warming} 503 for its first
 * {@code warmUpRequests} requests and 200 "ok" after.
 */
final class GreenApp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final int warmUpRequests;

    GreenApp(int warmUpRequests) {
        this.warmUpRequests = warmUpRequests;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int seen = requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        switch (path) {
            case "/health" -> respond(exchange, 200, "ok");
            case "/broken" -> respond(exchange, 500, "boom");
            case "/degraded" -> respond(exchange, 200, "{\"status\":\"degraded\"}");
            case "/slow" -> {
                pause(400);
                respond(exchange, 200, "ok");
            }
            case "/warming" -> respond(exchange, seen <= warmUpRequests ? 503 : 200,
                    seen <= warmUpRequests ? "starting" : "ok");
            default -> respond(exchange, 404, "not found");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the hook gave up waiting: nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
