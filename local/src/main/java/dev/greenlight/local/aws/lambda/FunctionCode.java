package dev.greenlight.local.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.task.LambdaHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The code of an in-process function: the request payload in, the response payload out. Completing
 * exceptionally is an unhandled function error; never completing runs into the function's Timeout.
 */
@FunctionalInterface
public interface FunctionCode {

    CompletableFuture<byte[]> invoke(byte[] payload);

    /** A handler on JSON, as the Java runtime's Jackson serialisation presents events and results. */
    static FunctionCode json(LambdaHandler handler) {
        return bytes(payload -> {
            JsonNode result = handler.handle(Json.MAPPER.readTree(payload));
            return Json.write(result == null ? Json.NODES.nullNode() : result).getBytes(StandardCharsets.UTF_8);
        });
    }

    /** A handler on the raw payload, like a {@code RequestStreamHandler}. */
    static FunctionCode bytes(BytesHandler handler) {
        return payload -> {
            try {
                return CompletableFuture.completedFuture(handler.handle(payload));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        };
    }

    /** A synchronous handler of raw bytes; a throw is a function error. */
    @FunctionalInterface
    interface BytesHandler {
        byte[] handle(byte[] payload) throws Exception;
    }
}
