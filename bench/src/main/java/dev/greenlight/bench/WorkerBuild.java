package dev.greenlight.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A build of the workers as a Lambda code jar, and how a fresh JVM makes a handler from it.
 *
 * @param name       the row label
 * @param what       what it is, in a line: its HTTP client, how its clients are made
 * @param jar        the shaded jar, whose size is reported
 * @param launcher   the launcher's main class
 * @param classPath  the child JVM's class path: the jar, then the launcher's classes
 */
record WorkerBuild(String name, String what, Path jar, String launcher, String classPath) {

    private static final String LAUNCH = "dev.greenlight.bench.launch.";

    /** {@code workers/target/greenlight-workers.jar}, each handler made with its no-argument constructor. */
    static WorkerBuild ours(Path root) {
        Path jar = existing(root.resolve("workers/target/greenlight-workers.jar"));
        Path launcher = existing(root.resolve("bench/sdk-defaults/target/classes"));
        return new WorkerBuild("ours", "url-connection-client only; each handler made by its no-argument constructor,"
                + " as Lambda makes it, so its clients have an explicit region and credentials provider", jar, LAUNCH + "LambdaRuntimeLaunch", jar + File.pathSeparator + launcher);
    }

    /** The same workers shaded with the SDK's default HTTP clients, given clients built with its defaults. */
    static WorkerBuild sdkDefaults(Path root) {
        Path jar = existing(root.resolve("bench/sdk-defaults/target/greenlight-workers-sdk-defaults.jar"));
        return new WorkerBuild("SDK defaults", "apache-client and netty-nio-client, no url-connection-client;"
                + " clients from XxxClient.builder().endpointOverride(gateway).build(): the HTTP client found on the"
                + " class path, the default region and credentials provider chains", jar, LAUNCH + "SdkDefaultsLaunch", jar.toString());
    }

    long jarBytes() {
        try {
            return Files.size(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + jar, e);
        }
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: build it with scripts/bench, which packages it");
        }
        return path;
    }
}
