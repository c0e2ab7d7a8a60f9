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

    /**
     * S3 takes up to 5 GiB in one PUT; the twin keeps objects in memory, so it reads S3 bodies up to
     * this (the AWS CLI's multipart parts are 8 MiB) and refuses larger ones like any other.
     */
    static final int S3_LIMIT = 64 * 1024 * 1024;

    /** A registry blob (one PATCH or monolithic PUT) is read whole into memory, as S3's objects are. */
    static final int REGISTRY_LIMIT = S3_LIMIT;

    private RequestBodies() {
    }

    /** The largest body read for this request. */
    static int limit(WireRequest head) {
        return head.signingService().filter(S3RestXmlProtocol.SIGNING_NAME::equals).isPresent() ? S3_LIMIT : LIMIT;
    }

    /** {@code aws-chunked} (S3's SigV4 streaming) is left for S3's protocol to decode; gzip is unzipped here. */
    static byte[] decoded(Optional<String> contentEncoding, byte[] body) {
        String encoding = contentEncoding.map(value -> value.trim().toLowerCase(Locale.ROOT)).orElse("identity")
                .replace("aws-chunked", "").replace(",", "").trim();
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
                throw new RefusedRequestException(ErrorReply.tooLarge(LIMIT));
            }
            return plain;
        } catch (IOException e) {
            throw new RefusedRequestException(ErrorReply.unreadable("the body is not valid gzip: " + e.getMessage()));
        }
    }
}
