package dev.greenlight.local.aws.ecr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An image in a repository, by digest: its manifest, tags, what its scan will find and the scan so far. */
record StoredImage(String digest, String manifest, String manifestMediaType, String artifactMediaType,
        List<String> tags, Instant pushedAt, long sizeInBytes, List<PlannedFinding> findings, ImageScan scan) {

    StoredImage {
        tags = List.copyOf(tags);
        findings = List.copyOf(findings);
    }

    StoredImage withTag(String tag) {
        List<String> newTags = new ArrayList<>(tags);
        newTags.remove(tag);
        newTags.add(tag);
        return new StoredImage(digest, manifest, manifestMediaType, artifactMediaType, newTags, pushedAt,
                sizeInBytes, findings, scan);
    }

    StoredImage withoutTag(String tag) {
        List<String> newTags = new ArrayList<>(tags);
        newTags.remove(tag);
        return new StoredImage(digest, manifest, manifestMediaType, artifactMediaType, newTags, pushedAt,
                sizeInBytes, findings, scan);
    }

    StoredImage withScan(ImageScan newScan) {
        return new StoredImage(digest, manifest, manifestMediaType, artifactMediaType, tags, pushedAt,
                sizeInBytes, findings, newScan);
    }
}
