package dev.greenlight.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.SdkClient;

/**
 * One HTTP server on 127.0.0.1 that serves registered twins over their AWS wire protocols
 * (awsJson 1.0/1.1, awsQuery, rpcv2Cbor, restJson1), so that SDK clients and the AWS CLI with
 * {@code --endpoint-url} reach a twin unchanged. Routing and (de)serialisation come from the
 * SDK's own model metadata: registering a twin needs no code per operation.
 *
 * <pre>{@code
 * try (WireGateway gateway = WireGateway.start(4566)) {
 *     gateway.register(SnsClient.class, snsTwin);
 *     ...
 * }
 * }</pre>
 */
public final class WireGateway implements AutoCloseable {

    public static final int DEFAULT_PORT = 4566;

    private static final int THREADS = 4;

    private final Services services = new Services();
    private final Dispatcher dispatcher = new Dispatcher(services);
    private final HttpServer server;
    private final ExecutorService executor;

    private WireGateway(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on 127.0.0.1:{@code port}; port 0 picks a free one (see {@link #port()}). */
    public static WireGateway start(int port) {
        // Without it, small answers wait on Nagle's algorithm and delayed ACKs: about 40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
                Thread thread = new Thread(runnable, "wire-gateway");
                thread.setDaemon(true);
                return thread;
            });
            WireGateway gateway = new WireGateway(server, executor);
            server.createContext("/", gateway::handle);
            server.setExecutor(executor);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** Serves {@code twin} as the service of {@code clientInterface}, replacing an earlier twin of it. */
    public <C extends SdkClient> WireGateway register(Class<C> clientInterface, C twin) {
        services.add(ServiceModel.of(clientInterface, twin));
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening; requests in flight get a second to finish. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            WireResponse response = dispatcher.serve(request(exchange));
            response.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    private static WireRequest request(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new WireRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(headers), body);
    }
}
