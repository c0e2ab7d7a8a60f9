package dev.greenlight.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.local.aws.ecr.EcrTwin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerRequest;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerResponse;

/**
 * GetDownloadUrlForLayer, which the ECR twin does not model yet, for VerifyImage in a child JVM: the
 * twin's ECR answers it with the URL of a blob server in this process, standing in for the pre-signed
 * S3 URL that ECR gives. Every other call goes to the twin unchanged.
 */
final class LayerDownloads implements AutoCloseable {

    private final EcrTwin ecr;
    private final HttpServer server;

    private LayerDownloads(EcrTwin ecr, HttpServer server) {
        this.ecr = ecr;
        this.server = server;
    }

    static LayerDownloads serve(EcrTwin ecr) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LayerDownloads downloads = new LayerDownloads(ecr, server);
            server.createContext("/v2/", downloads::blob);
            server.start();
            return downloads;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve image blobs on 127.0.0.1", e);
        }
    }

    /** The twin's ECR, answering GetDownloadUrlForLayer too; what the gateway serves. */
    EcrClient ecr() {
        return (EcrClient) Proxy.newProxyInstance(EcrClient.class.getClassLoader(), new Class<?>[] {EcrClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getDownloadUrlForLayer")) {
                        if (args[0] instanceof GetDownloadUrlForLayerRequest request) {
                            return GetDownloadUrlForLayerResponse.builder().layerDigest(request.layerDigest())
                                    .downloadUrl(url(request.repositoryName(), request.layerDigest())).build();
                        }
                        // The builder overload: the interface builds the request and calls the overload above.
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    try {
                        return method.invoke(ecr, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private String url(String repository, String digest) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/" + repository + "/blobs/" + digest;
    }

    /** {@code GET /v2/REPOSITORY/blobs/DIGEST}, as a registry names blobs. */
    private void blob(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        Optional<String> blob = path.length == 5 && path[3].equals("blobs") ? ecr.blob(path[2], path[4]) : Optional.empty();
        byte[] body = blob.orElse("no such blob").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(blob.isPresent() ? 200 : 404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
