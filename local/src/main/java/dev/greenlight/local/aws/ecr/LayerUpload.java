package dev.greenlight.local.aws.ecr;

import java.io.ByteArrayOutputStream;

/**
 * A layer upload begun by InitiateLayerUpload: the bytes received so far, which parts must extend
 * without a gap or an overlap.
 */
final class LayerUpload {

    private final String id;
    private final String repository;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    LayerUpload(String id, String repository) {
        this.id = id;
        this.repository = repository;
    }

    String id() {
        return id;
    }

    String repository() {
        return repository;
    }

    /** The offset of the last byte received, -1 before the first part. */
    long lastByte() {
        return received.size() - 1L;
    }

    void append(byte[] part) {
        received.writeBytes(part);
    }

    byte[] bytes() {
        return received.toByteArray();
    }
}
