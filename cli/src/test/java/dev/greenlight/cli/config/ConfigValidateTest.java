package dev.greenlight.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidateTest {

    @TempDir
    Path directory;

    @Test
    void theRepositorysConfiguration_isValid() {
        CommandRun run = CommandRun.of("config", "validate", "../greenlight.json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("../greenlight.json: valid (1 service: orders)" + System.lineSeparator());
    }

    @Test
    void everyProblem_isPrintedOnItsOwnLineNamingTheFile_andTheExitCodeIsOne() throws IOException {
        Path file = Files.writeString(directory.resolve("greenlight.json"), Files.readString(Path.of("../greenlight.json"))
                .replace("\"percent\": 10", "\"percent\": 150").replace("\"containerPort\": 80", "\"containerPort\": 0"));

        CommandRun run = CommandRun.of("config", "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactlyInAnyOrder(
                file + ": services.orders.containerPort: must be a whole number from 1 to 65535, got 0",
                file + ": services.orders.canary.percent: must be a whole number from 1 to 99, got 150");
    }

    @Test
    void aMissingFile_isAProblemNotAStackTrace() {
        CommandRun run = CommandRun.of("config", "validate", directory.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot read the configuration file").doesNotContain("Exception\n\tat ");
    }
}
