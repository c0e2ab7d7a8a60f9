package dev.greenlight.cli.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AslValidateTest {

    @TempDir
    Path dir;

    @Test
    void validDefinition_exitsZeroAndPrintsNothing() throws IOException {
        Path file = write("ok.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");

        CommandRun run = CommandRun.of("asl", "validate", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void invalidDefinitions_printEachProblemOnALineNamingFileStateAndField() throws IOException {
        Path bad = write("bad.json", """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nope", "Foo": 1}}}
                """);
        Path ok = write("ok.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");

        CommandRun run = CommandRun.of("asl", "validate", ok.toString(), bad.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).contains(
                bad + ": SCHEMA_VALIDATION_FAILED: Field 'Foo' is not supported at /States/A",
                bad + ": MISSING_TRANSITION_TARGET: Missing 'Next' target: Nope at /States/A/Next");
        assertThat(run.out()).doesNotContain(ok + ":");
    }

    @Test
    void unreadableOrNonJsonFiles_areProblemsNotCrashes() throws IOException {
        Path notJson = write("broken.json", "{\"StartAt\": ");

        CommandRun run = CommandRun.of("asl", "validate", notJson.toString(), dir.resolve("missing.json").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.out()).contains(notJson + ": INVALID_JSON_DESCRIPTION").contains("missing.json: cannot read");
        assertThat(run.err()).isEmpty();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
