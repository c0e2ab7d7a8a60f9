package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI on this machine, run as a subprocess against a gateway as a user runs it:
 * {@code --endpoint-url}, region us-east-1, JSON output, static credentials, no retries, no pager.
 */
public final class AwsCli {

    private final int port;

    public AwsCli(int port) {
        this.port = port;
    }

    /** Whether {@code aws} is on PATH; CI has it, so tests skip without it only on a bare machine. */
    public static boolean installed() {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> new File(dir, "aws").canExecute());
    }

    public Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /** Runs with {@code environment} over the defaults, for example other credentials. */
    public Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", "http://127.0.0.1:" + port,
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDLOCAL");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("AWS_MAX_ATTEMPTS", "1");
        builder.environment().put("AWS_PAGER", "");
        // StartSyncExecution's "sync-" host prefix cannot resolve on 127.0.0.1.
        builder.environment().put("AWS_DISABLE_HOST_PREFIX_INJECTION", "true");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws %s finished", String.join(" ", args)).isTrue();
        return new Result(process.exitValue(), stdout, stderr);
    }

    /** What the command printed; {@link #json()} fails the test when the command failed. */
    public record Result(int exit, String stdout, String stderr) {

        public JsonNode json() throws IOException {
            assertThat(exit).as("aws failed: %s", stderr).isZero();
            return JsonBodies.JSON.readTree(stdout);
        }
    }
}
