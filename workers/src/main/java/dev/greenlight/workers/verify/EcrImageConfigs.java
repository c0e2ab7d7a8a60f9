package dev.greenlight.workers.verify;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * Image configs from ECR as a registry client reads them: GetDownloadUrlForLayer gives a pre-signed
 * URL, an HTTP GET of it gives the blob, whose SHA-256 must be the digest asked for. A network
 * failure leaves as {@link SdkClientException}, which the worker reports as transient.
 */
public final class EcrImageConfigs implements ImageConfigs {

    /** Image configs are a few KiB; anything far bigger is not one. */
    static final int MAX_CONFIG_BYTES = 4 * 1024 * 1024;

    private final EcrClient ecr;
    private final Duration timeout;

    public EcrImageConfigs(EcrClient ecr, Duration timeout) {
        this.ecr = Objects.requireNonNull(ecr, "ecr");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String fetch(String registryId, String repository, String digest) {
        String url = ecr.getDownloadUrlForLayer(r -> r.registryId(registryId).repositoryName(repository)
                .layerDigest(digest)).downloadUrl();
        byte[] blob = download(url, repository, digest);
        String actual = sha256(blob);
        if (!actual.equals(digest)) {
            throw new IllegalStateException("the image config downloaded from repository '" + repository
                    + "' has digest " + actual + ", not " + digest + ": the registry answered with other content");
        }
        return new String(blob, StandardCharsets.UTF_8);
    }

    private byte[] download(String url, String repository, String digest) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            int status = connection.getResponseCode();
            if (status != 200) {
                throw SdkClientException.create("downloading image config " + digest + " of repository '"
                        + repository + "' answered HTTP " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                byte[] blob = in.readNBytes(MAX_CONFIG_BYTES + 1);
                if (blob.length > MAX_CONFIG_BYTES) {
                    throw new IllegalStateException("blob " + digest + " of repository '" + repository
                            + "' is larger than " + MAX_CONFIG_BYTES + " bytes: not an image config");
                }
                return blob;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw SdkClientException.create("cannot download image config " + digest + " of repository '"
                    + repository + "': " + e, e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
