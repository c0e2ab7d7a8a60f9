package dev.greenlight.local.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A request body as a twin reads it. AWS's SDKs and CLI gzip the bodies of operations with request
 * compression (CloudWatch {@code PutMetricData}) once they reach 10 KiB, with
 * {@code Content-Encoding: gzip}; the body is unzipped here, and never past {@link #LIMIT}.
 */
final class RequestBodies {

    /**
     * The largest body read, before or after unzipping: Lambda's synchronous Invoke payload, 6 MiB
     * (AWS answers 6,291,456 bytes and more with 413 {@code RequestEntityTooLargeException}), the
     * largest request any of the twins' services accepts. Each operation's own smaller limit is its
     * twin's to check.
     */
    static final int LIMIT = 6 * 1024 * 1024;

    private RequestBodies() {
    }

    static byte[] decoded(Optional<String> contentEncoding, byte[] body) {
        String encoding = contentEncoding.map(value -> value.trim().toLowerCase(Locale.ROOT)).orElse("identity");
        if (encoding.equals("identity") || encoding.isEmpty()) {
            return body;
        }
        if (!encoding.equals("gzip")) {
            // AWS's request compression knows gzip only; its answer to another encoding is unpublished.
            throw new RefusedRequestException(ErrorReply.unreadable(
                    "Content-Encoding " + encoding + " is not supported: AWS's request compression uses gzip"));
        }
        return gunzipped(body);
    }

    private static byte[] gunzipped(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] plain = in.readNBytes(LIMIT + 1);
            if (plain.length > LIMIT) {
                throw new RefusedRequestException(ErrorReply.tooLarge());
            }
            return plain;
        } catch (IOException e) {
            throw new RefusedRequestException(ErrorReply.unreadable("the body is not valid gzip: " + e.getMessage()));
        }
    }
}
