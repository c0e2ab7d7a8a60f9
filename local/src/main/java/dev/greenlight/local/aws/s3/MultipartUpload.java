package dev.greenlight.local.aws.s3;

import java.util.Map;
import java.util.TreeMap;

/** An upload in progress: where it goes, what the object will carry, and its parts by number. Guarded by the twin. */
record MultipartUpload(String id, String bucket, String key, String contentType, Map<String, String> metadata,
        TreeMap<Integer, Part> parts) {

    record Part(byte[] bytes, String eTag) {
    }
}
