package dev.greenlight.cli.asl;

import picocli.CommandLine.Command;

/** {@code greenlight asl}: the Amazon States Language engine on its own. */
@Command(name = "asl", mixinStandardHelpOptions = true,
        description = "Validate and run Amazon States Language definitions on the local engine.",
        subcommands = {AslValidate.class, AslRun.class})
public final class AslCommand {
}
