package dev.greenlight.local.twin.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An OCI image layout on disk, as {@code skopeo copy oci:DIR:TAG} reads it: one gzipped tar layer
 * made with the stock tools, a config whose label names the fleet's app profile, a manifest and
 * the index that tags it.
 */
record OciLayout(Path dir, String tag, String manifestDigest, String layerDigest, byte[] layer) {

    static OciLayout build(Path dir, String tag, String profile, String architecture)
            throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("hello.txt"), "hello from a layer pushed with skopeo\n");
        run(work, "tar", "-cf", "layer.tar", "hello.txt");
        run(work, "gzip", "-kn", "layer.tar");
        byte[] layer = Files.readAllBytes(work.resolve("layer.tar.gz"));
        String config = "{\"architecture\":\"" + architecture + "\",\"os\":\"linux\",\"config\":{\"Entrypoint\":[\"/app\"],"
                + "\"Labels\":{\"dev.greenlight.profile\":\"" + profile + "\"}},\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"" + sha256(Files.readAllBytes(work.resolve("layer.tar"))) + "\"]}}";
        byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + sha256(configBytes) + "\",\"size\":" + configBytes.length + "},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + sha256(layer) + "\",\"size\":"
                + layer.length + "}]}";
        byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
        Path layout = Files.createDirectories(dir.resolve("layout"));
        Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
        for (byte[] blob : List.of(layer, configBytes, manifestBytes)) {
            Files.write(blobs.resolve(sha256(blob).substring("sha256:".length())), blob);
        }
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + sha256(manifestBytes) + "\",\"size\":"
                + manifestBytes.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag + "\"}}]}");
        return new OciLayout(layout, tag, sha256(manifestBytes), sha256(layer), layer);
    }

    /** The source skopeo copies from. */
    String source() {
        return "oci:" + dir + ":" + tag;
    }

    static boolean toolsInstalled() {
        return List.of("tar", "gzip", "skopeo").stream().allMatch(OciLayout::onPath);
    }

    static boolean onPath(String tool) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(path -> new File(path, tool).canExecute());
    }

    /** Runs a command in {@code dir}; returns its output, failing the test when it fails. */
    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", List.of(command), output).isZero();
        return output;
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
