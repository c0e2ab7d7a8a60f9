package dev.greenlight.local.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code aws-chunked} content encoding of S3 uploads (SigV4 streaming, "Signature
 * Calculations for the Authorization Header: Transferring Payload in Multiple Chunks"):
 * {@code HEX-SIZE[;chunk-signature=...]\r\nDATA\r\n} until a zero-size chunk, then optional
 * trailing checksum headers. Other bodies pass through as they are.
 */
final class AwsChunked {

    private AwsChunked() {
    }

    static byte[] decode(WireRequest request) {
        boolean chunked = request.header("content-encoding").filter(e -> e.contains("aws-chunked")).isPresent()
                || request.header("x-amz-content-sha256").filter(s -> s.startsWith("STREAMING-")).isPresent();
        return chunked ? decode(request.body()) : request.body();
    }

    static byte[] decode(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOfCrLf(body, at);
            String line = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int semicolon = line.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("an aws-chunked body ends inside a chunk header");
    }
}
