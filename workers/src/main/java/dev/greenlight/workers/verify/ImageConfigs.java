package dev.greenlight.workers.verify;

/**
 * Where an image's config blob comes from. In AWS: {@link EcrImageConfigs} (GetDownloadUrlForLayer,
 * then an HTTP GET of the pre-signed URL); on the local twin, the twin's blob store.
 */
@FunctionalInterface
public interface ImageConfigs {

    /** The blob {@code digest} of {@code repository} in registry {@code registryId}: the image config's JSON. */
    String fetch(String registryId, String repository, String digest);
}
