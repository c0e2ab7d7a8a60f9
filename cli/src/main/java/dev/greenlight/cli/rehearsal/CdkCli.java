package dev.greenlight.cli.rehearsal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The checkout's pinned CDK CLI (infra/node_modules, as {@code scripts/cdk} runs it) against a twin's
 * gateway, as a user runs it against AWS: the endpoint and dummy credentials from the environment,
 * nothing patched. The app is the built infra module ({@code cdk.json}'s command without its
 * {@code mvn package}, which {@link Checkout#problem()} checks was done).
 */
public final class CdkCli {

    static final String APP = "java -cp \"target/classes:$(cat target/classpath.txt)\" dev.greenlight.infra.GreenlightApp";
    /** Far beyond any step on a busy 2-core machine (a deploy takes about a minute). */
    private static final Duration STEP_LIMIT = Duration.ofMinutes(6);

    private final Checkout checkout;
    private final int port;

    public CdkCli(Checkout checkout, int port) {
        this.checkout = checkout;
        this.port = port;
    }

    /**
     * Synthesizes the app without an account, as {@code cdk synth} does on a machine with no
     * credentials: the stacks are environment-agnostic and no context lookup writes
     * infra/cdk.context.json. {@code context}: {@code key=value} entries for {@code -c}.
     */
    public Result synth(Path log, Path assembly, String... context) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("synth", "--app", APP, "--output", assembly.toString(), "--quiet"));
        for (String entry : context) {
            args.addAll(List.of("-c", entry));
        }
        return run(log, false, args.toArray(String[]::new));
    }

    /** Runs {@code cdk ARGS} in infra/ against the twin; its output goes to {@code log}. */
    public Result run(Path log, String... args) throws IOException, InterruptedException {
        return run(log, true, args);
    }

    private Result run(Path log, boolean onTwin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(checkout.cdk().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.infra().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (onTwin) {
            builder.environment().putAll(onTwin());
        } else {
            onTwin().keySet().forEach(builder.environment()::remove);
            builder.environment().remove("CDK_DEFAULT_ACCOUNT");
            // No credentials anywhere: the SDK would otherwise look for them on the instance metadata endpoint.
            builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
            builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        }
        builder.environment().put("CDK_DISABLE_VERSION_CHECK", "true");
        builder.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        UNSET.forEach(builder.environment()::remove);
        long started = System.nanoTime();
        Process process = builder.start();
        // Ctrl-C stops the JVM through its shutdown hooks, not by interrupting this wait: stop the CLI there too.
        Thread stopOnExit = new Thread(() -> stop(process), "greenlight-cdk-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            process.getOutputStream().close();
            boolean finished = process.waitFor(STEP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(finished ? process.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8),
                    Duration.ofNanos(System.nanoTime() - started), log);
        } finally {
            // Done, timed out or interrupted: the CLI must not go on against a twin that stops.
            stop(process);
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shutdownInProgress) {
                // The hook runs, or has run, and stops what is already stopped.
            }
        }
    }

    /** What would otherwise name other credentials than those {@link #onTwin()} gives. */
    static final List<String> UNSET = List.of("AWS_PROFILE", "AWS_SESSION_TOKEN");

    /** The environment that points the CLI at the twin, with dummy credentials, in the twin's region. */
    Map<String, String> onTwin() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + port);
        environment.put("AWS_ACCESS_KEY_ID", "AKIDLOCAL");
        environment.put("AWS_SECRET_ACCESS_KEY", "secret");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        return environment;
    }

    /**
     * {@code cdk ARGS} as a shell command line a user can run from anywhere, as this CLI runs it against the
     * twin: the same environment, and the checkout's scripts/cdk (the pinned CLI, run in infra/).
     */
    String commandLine(String... args) {
        StringBuilder line = new StringBuilder("env");
        UNSET.forEach(name -> line.append(" -u ").append(name));
        onTwin().forEach((name, value) -> line.append(' ').append(name).append('=').append(quoted(value)));
        line.append(' ').append(quoted(checkout.root().resolve("scripts/cdk").toString()));
        for (String arg : args) {
            line.append(' ').append(quoted(arg));
        }
        return line.toString();
    }

    private static String quoted(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** @param exit the CLI's exit code; -1 when it did not end within the step's limit */
    public record Result(int exit, String output, Duration took, Path log) {

        /** The output's last {@code count} non-blank lines: what a failing step shows. */
        public List<String> lastLines(int count) {
            List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        }
    }
}
