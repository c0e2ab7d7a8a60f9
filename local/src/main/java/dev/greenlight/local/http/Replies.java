package dev.greenlight.local.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes a whole answer at once, with its length, so that the connection can be kept alive. An
 * answer with no body keeps the Content-Length it was given: S3's HeadObject reports the object's.
 */
public final class Replies {

    private Replies() {
    }

    /**
     * Reads a whole request body of at most {@code limit} bytes without holding a thread while it
     * arrives: a declared or received length over the limit is {@code tooLarge}; a client that went
     * away or stalled past the idle timeout fails the exchange; otherwise {@code body} gets the bytes.
     */
    public static void readBody(Request request, int limit, Callback callback, Runnable tooLarge,
            Consumer<byte[]> body) {
        if (request.getLength() > limit) {
            tooLarge.run();
            return;
        }
        Content.Source.asByteArrayAsync(request, limit).whenComplete((bytes, unread) -> {
            if (unread instanceof IOException || unread instanceof TimeoutException) {
                callback.failed(unread);
            } else if (unread != null) {
                tooLarge.run(); // a chunked body past the limit
            } else {
                body.accept(bytes);
            }
        });
    }

    public static void send(Response response, Callback callback, int status, Map<String, String> headers,
            byte[] body) {
        response.setStatus(status);
        headers.forEach(response.getHeaders()::put);
        if (body.length > 0 || !response.getHeaders().contains(HttpHeader.CONTENT_LENGTH)) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
