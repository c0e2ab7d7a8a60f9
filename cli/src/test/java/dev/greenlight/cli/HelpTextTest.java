package dev.greenlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What --help shows: every command's help renders without picocli's warnings, and each summary is a sentence. */
class HelpTextTest {

    @Test
    void everyCommandsHelp_rendersWithoutAFormatWarning() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> usages = new ArrayList<>();
        try {
            all(Greenlight.commandLine()).forEach(command -> usages.add(command.getUsageMessage()));
        } finally {
            System.setErr(original);
        }

        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("[picocli WARN]");
        assertThat(String.join("\n", usages)).contains("a 10 % canary for 2 minutes")
                .as("local up runs the demo's canary analysis").contains("the canary analysis of green against blue, "
                        + "greenlight demo's own");
    }

    @Test
    void theTopLevelHelp_givesEachCommandAWholeSentence() {
        CommandRun help = CommandRun.of("--help");

        assertThat(help.out()).contains("demo     Release a good version and roll back a bad one");
        Greenlight.commandLine().getSubcommands().values().forEach(command -> {
            String[] description = command.getCommandSpec().usageMessage().description();
            assertThat(description[0].strip()).as(command.getCommandName()).doesNotEndWith(":").endsWith(".");
        });
    }

    private static List<CommandLine> all(CommandLine command) {
        List<CommandLine> found = new ArrayList<>(List.of(command));
        command.getSubcommands().values().forEach(sub -> found.addAll(all(sub)));
        return found;
    }
}
