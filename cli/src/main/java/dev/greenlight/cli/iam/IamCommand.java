package dev.greenlight.cli.iam;

import picocli.CommandLine.Command;

/** {@code greenlight iam}: the roles' permissions against what they were used for. */
@Command(name = "iam", mixinStandardHelpOptions = true,
        description = "The IAM roles' permissions against what they were used for on the twin.",
        subcommands = {IamReport.class})
public final class IamCommand {
}
