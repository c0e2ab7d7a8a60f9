package dev.greenlight.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The npm {@code asl-validator} (AWS's JSON schema of the language plus path checks) accepts the
 * definition. It is infra's (scripts/test-tools installs it), else installed under
 * {@code statemachine/node_modules} on first use at the version infra/package.json pins; without npm,
 * or without network for the first install, the test is skipped with the reason, and fails under CI.
 */
class AslValidatorTest {

    /** Where scripts/test-tools (npm ci in infra/) puts it; else it is installed here on first use. */
    private static final Path INFRA_VALIDATOR = Path.of("..", "infra", "node_modules", ".bin", "asl-validator");
    private static final Path VALIDATOR = Files.isExecutable(INFRA_VALIDATOR) ? INFRA_VALIDATOR
            : Path.of("node_modules", ".bin", "asl-validator");
    /** The version infra/package.json pins, so both modules check the definition with the same rules. */
    static final String ASL_VALIDATOR_VERSION = "4.0.0";

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
        RequiredTool.assume(npm != null && npm.exitCode() == 0,
                "npm is not available: install Node.js to run the asl-validator contract test");
        Result install = runQuietly(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund",
                "asl-validator@" + ASL_VALIDATOR_VERSION), 300);
        RequiredTool.assume(install != null && install.exitCode() == 0 && Files.isExecutable(VALIDATOR),
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
