package dev.greenlight.local.http;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes a whole answer at once, with its length, so that the connection can be kept alive. An
 * answer with no body keeps the Content-Length it was given: S3's HeadObject reports the object's.
 */
public final class Replies {

    private Replies() {
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
