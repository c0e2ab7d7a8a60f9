package dev.greenlight.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The npm {@code asl-validator} (AWS's JSON schema of the language plus path checks) accepts the
 * definition. It is installed under {@code statemachine/node_modules} on first use; without npm, or
 * without network for the first install, the test is skipped with the reason.
 */
class AslValidatorTest {

    private static final Path VALIDATOR = Path.of("node_modules", ".bin", "asl-validator");

    @Test
    void aslValidator_acceptsTheDefinition() throws Exception {
        ensureInstalled();
        Path definition = Files.createTempFile("pipeline", ".asl.json");
        try {
            Files.writeString(definition, PipelineDefinition.forTwin());
            Result result = run(List.of(VALIDATOR.toString(), "--json-path", definition.toString()), 60);
            assertThat(result).as("asl-validator finished within 60 s").isNotNull();
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("is valid");
        } finally {
            Files.deleteIfExists(definition);
        }
    }

    @Test
    void aslValidator_refusesABrokenDefinition_soThePassAboveMeansSomething() throws Exception {
        ensureInstalled();
        Path definition = Files.createTempFile("broken", ".asl.json");
        try {
            Files.writeString(definition, PipelineDefinition.forTwin().replace("\"Next\": \"Preflight\"",
                    "\"Next\": \"NoSuchState\""));
            Result result = run(List.of(VALIDATOR.toString(), "--json-path", definition.toString()), 60);
            assertThat(result).as("asl-validator finished within 60 s").isNotNull();
            assertThat(result.exitCode()).as(result.output()).isNotZero();
        } finally {
            Files.deleteIfExists(definition);
        }
    }

    private static void ensureInstalled() throws Exception {
        if (Files.isExecutable(VALIDATOR)) {
            return;
        }
        Result npm = runQuietly(List.of("npm", "--version"), 30);
        assumeTrue(npm != null && npm.exitCode() == 0,
                "npm is not available: install Node.js to run the asl-validator contract test");
        Result install = runQuietly(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund",
                "asl-validator"), 300);
        assumeTrue(install != null && install.exitCode() == 0 && Files.isExecutable(VALIDATOR),
                "could not install asl-validator under statemachine/node_modules (offline?): "
                        + (install == null ? "npm did not finish in time" : install.output()));
    }

    private static Result runQuietly(List<String> command, int timeoutSeconds) throws InterruptedException {
        try {
            return run(command, timeoutSeconds);
        } catch (IOException e) {
            return null;
        }
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path output = Files.createTempFile("asl-validator", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
