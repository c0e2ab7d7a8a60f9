package dev.greenlight.local.aws.s3;

import java.time.Instant;
import java.util.Map;

/** One object's bytes and what S3 keeps with them. */
record StoredObject(String key, byte[] bytes, String eTag, String contentType, Map<String, String> metadata,
        Instant lastModified) {
}
