package dev.greenlight.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Command-line tools the tests run: cfn-lint (pip), and the CDK CLI and asl-validator (npm, infra/package.json). */
final class Tools {

    static final Path INFRA = Path.of("").toAbsolutePath();
    private static Boolean npmReady;

    /** What a command printed (stdout and stderr together) and how it ended. */
    record Result(int exitCode, String output) {
    }

    private Tools() {
    }

    static boolean onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** {@code npm ci} in infra/ once, when the locked packages are not installed yet; false without npm. */
    static synchronized boolean npmPackages() {
        if (npmReady == null) {
            if (Files.isExecutable(INFRA.resolve("node_modules/.bin/cdk"))
                    && Files.isExecutable(INFRA.resolve("node_modules/.bin/asl-validator"))) {
                npmReady = true;
            } else if (!onPath("npm")) {
                npmReady = false;
            } else {
                Result ci = run(INFRA, Map.of(), 600, "npm", "ci", "--no-audit", "--no-fund");
                if (ci.exitCode() != 0) {
                    throw new IllegalStateException("npm ci failed in infra/:\n" + ci.output());
                }
                npmReady = true;
            }
        }
        return npmReady;
    }

    static Result run(Path dir, Map<String, String> env, int timeoutSeconds, String... command) {
        try {
            Path output = Files.createTempFile("greenlight-tool", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
            builder.environment().put("CDK_DISABLE_VERSION_CHECK", "true");
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
