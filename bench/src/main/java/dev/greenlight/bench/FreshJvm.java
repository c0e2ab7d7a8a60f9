package dev.greenlight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.Worker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Launches a fresh JVM that invokes one worker once against the twin's gateway, and times it from just
 * before the process starts to the moment its response is read. The child's environment holds only
 * what a Lambda function's would for the call: the endpoint, credentials, region and the function's
 * own settings.
 */
final class FreshJvm {

    /** The workers' functions run with these ({@code JAVA_TOOL_OPTIONS} in the CDK app); both builds get them. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /**
     * @param firstResponseNanos from process start to the response read
     * @param inMainNanos        from the launcher's {@code main} to its response, as the child measured it
     */
    record Sample(long firstResponseNanos, long inMainNanos, JsonNode response) {
    }

    private final String endpoint;

    FreshJvm(int gatewayPort) {
        this.endpoint = "http://127.0.0.1:" + gatewayPort;
    }

    Sample invoke(WorkerBuild build, WorkerCall call, byte[] event) {
        List<String> command = new ArrayList<>();
        command.add(JAVA.toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", build.classPath(), build.launcher(), call.worker().getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(Map.of("GREENLIGHT_ENDPOINT_URL", endpoint, "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local", "AWS_REGION", "us-east-1"));
        environment.putAll(call.environment());
        try {
            Path errors = Files.createTempFile("greenlight-cold-start", ".err");
            builder.redirectError(errors.toFile());
            try {
                return run(builder, call, event, errors);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        }
    }

    private static Sample run(ProcessBuilder builder, WorkerCall call, byte[] event, Path errors) throws IOException {
        String worker = call.worker().getSimpleName();
        long start = System.nanoTime();
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(event);
        }
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String response = out.readLine();
            long firstResponse = System.nanoTime() - start;
            String inMain = out.readLine();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new WrongResultException(worker, "the JVM did not exit within 60 s of its response");
            }
            if (process.exitValue() != 0 || response == null || inMain == null) {
                throw new WrongResultException(worker, "the JVM exited with " + process.exitValue() + ": "
                        + Files.readString(errors));
            }
            return new Sample(firstResponse, Long.parseLong(inMain), Worker.JSON.readTree(response));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while " + worker + " ran", e);
        }
    }
}
