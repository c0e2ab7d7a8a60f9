package dev.greenlight.workers.preflight;

import java.time.Instant;
import java.util.List;

/** A tagged image of the repository and when it was pushed. */
public record PushedImage(String digest, List<String> tags, Instant pushedAt) {

    public PushedImage {
        tags = List.copyOf(tags);
    }

    @Override
    public String toString() {
        return (tags.isEmpty() ? "" : String.join(",", tags)) + "@" + digest;
    }
}
