package dev.greenlight.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.core.Worker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A twin-only endpoint for {@code greenlight push}, beside the gateway: ECR's layer-upload API is not
 * modelled, so {@code POST /push {"repository", "tag", "profile"}} builds the sample app's image and
 * pushes it into the ECR twin in-process. From there it is an ordinary push: ECR emits its event and
 * EventBridge starts the pipeline, as in AWS. Answers {@code {"imageUri"}}, or 400 {@code {"message"}}.
 */
public final class PushEndpoint implements AutoCloseable {

    private final HttpServer server;

    private PushEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free port of 127.0.0.1. */
    public static PushEndpoint start(LocalTwin twin) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/push", exchange -> handle(twin, exchange));
            server.start();
            return new PushEndpoint(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1 for pushes", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/push";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void handle(LocalTwin twin, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, Map.of("message", "use POST"));
                return;
            }
            JsonNode push = Worker.JSON.readTree(exchange.getRequestBody());
            try {
                String imageUri = DemoService.push(twin, push.path("repository").asText(), push.path("tag").asText(),
                        push.path("profile").asText());
                answer(exchange, 200, Map.of("imageUri", imageUri));
            } catch (RuntimeException e) {
                answer(exchange, 400, Map.of("message", refusal(e)));
            }
        }
    }

    /**
     * The ECR twin's refusals (no such repository, tag already used) as AWS words them: the error code and
     * message, without the SDK's "(Service: …, Status Code: …, Request ID: …)" suffix.
     */
    static String refusal(RuntimeException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
        }
        return String.valueOf(e.getMessage());
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
        byte[] bytes = Worker.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
