package dev.greenlight.cli.cdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The repository's pinned CDK CLI (infra/node_modules, as {@code scripts/cdk} runs it) against a
 * twin's gateway, as a user runs it against AWS: the endpoint and dummy credentials from the
 * environment, nothing patched. The app is the built infra module ({@code cdk.json}'s command
 * without its {@code mvn package}, which the build has already done).
 */
final class CdkCli {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path INFRA = REPO.resolve("infra");
    static final String APP = "java -cp \"target/classes:$(cat target/classpath.txt)\" dev.greenlight.infra.GreenlightApp";

    private final int port;

    CdkCli(int port) {
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(INFRA.resolve("node_modules/.bin/cdk"));
    }

    static boolean appBuilt() {
        return Files.isRegularFile(INFRA.resolve("target/classpath.txt"))
                && Files.isDirectory(INFRA.resolve("target/classes/dev/greenlight/infra"))
                && Files.isRegularFile(REPO.resolve("workers/target/greenlight-workers.jar"));
    }

    /**
     * Synthesizes the app without an account, as {@code cdk synth} does on a machine with no
     * credentials: the stacks are environment-agnostic and no context lookup writes
     * infra/cdk.context.json. {@code context}: {@code key=value} entries for {@code -c}.
     */
    Result synth(Path log, Path assembly, String... context) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("synth", "--app", APP, "--output", assembly.toString(), "--quiet"));
        for (String entry : context) {
            args.addAll(List.of("-c", entry));
        }
        return run(log, false, args.toArray(String[]::new));
    }

    /** Runs {@code cdk ARGS} in infra/ against the twin; its output goes to {@code log}, for a failing test to show. */
    Result run(Path log, String... args) throws IOException, InterruptedException {
        return run(log, true, args);
    }

    private Result run(Path log, boolean onTwin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(INFRA.resolve("node_modules/.bin/cdk").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(INFRA.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (onTwin) {
            builder.environment().put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + port);
            builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDLOCAL");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
            builder.environment().put("AWS_REGION", "us-east-1");
            builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        } else {
            List.of("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "AWS_DEFAULT_REGION",
                    "CDK_DEFAULT_ACCOUNT").forEach(builder.environment()::remove);
            // No credentials anywhere: the SDK would otherwise look for them on the instance metadata endpoint.
            builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
            builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        }
        builder.environment().put("CDK_DISABLE_VERSION_CHECK", "true");
        builder.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        builder.environment().remove("AWS_PROFILE");
        builder.environment().remove("AWS_SESSION_TOKEN");
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        return new Result(finished ? process.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8),
                (System.nanoTime() - started) / 1_000_000);
    }

    record Result(int exit, String output, long millis) {
    }
}
