package dev.greenlight.cli.local;

import picocli.CommandLine.Command;

/** {@code greenlight local}: the local twin of the AWS services Greenlight uses. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run the local twin: AWS service twins, a real HTTP fleet and the wire gateway.",
        subcommands = {LocalUp.class})
public final class LocalCommand {
}
