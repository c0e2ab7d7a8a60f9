package dev.greenlight.local.fleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.local.clock.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The sample app as a real HTTP server on an ephemeral loopback port. It answers {@code /}
 * and {@link AppBehaviour#HEALTH_PATH} as its profile says, reports its version in a header
 * and the body, and adds its latency by scheduling the answer on the clock instead of sleeping.
 */
final class SampleApp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers;
    private final AppBehaviour behaviour;
    private final Clock clock;

    private SampleApp(HttpServer server, ExecutorService handlers, AppBehaviour behaviour, Clock clock) {
        this.server = server;
        this.handlers = handlers;
        this.behaviour = behaviour;
        this.clock = clock;
    }

    static SampleApp start(AppProfile profile, Clock clock) {
        if (profile.crashesAtStart()) {
            throw new AppCrashedException(profile.version());
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(Endpoint.LOOPBACK, 0), 0);
            ExecutorService handlers = Executors.newFixedThreadPool(4, daemon("sample-app-" + profile.version()));
            SampleApp app = new SampleApp(server, handlers, new AppBehaviour(profile), clock);
            server.createContext("/", app::handle);
            server.setExecutor(handlers);
            server.start();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start sample app " + profile.version(), e);
        }
    }

    Endpoint endpoint() {
        return Endpoint.loopback(server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        int status = behaviour.status(exchange.getRequestURI().getPath());
        if (behaviour.profile().addedLatency().isZero()) {
            respond(exchange, status);
        } else {
            clock.schedule(behaviour.profile().addedLatency(), () -> respond(exchange, status));
        }
    }

    private void respond(HttpExchange exchange, int status) {
        String version = behaviour.profile().version();
        byte[] body = ("{\"version\":\"" + version + "\",\"status\":" + status + "}")
                .getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set(UserResponse.VERSION_HEADER, version);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // The client went away; there is no one left to tell.
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
