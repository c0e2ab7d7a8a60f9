package dev.greenlight.cli;

import dev.greenlight.cli.asl.AslCommand;
import dev.greenlight.cli.config.ConfigCommand;
import dev.greenlight.cli.console.ConsoleCommand;
import dev.greenlight.cli.demo.DemoCommand;
import dev.greenlight.cli.iam.IamCommand;
import dev.greenlight.cli.local.LocalCommand;
import dev.greenlight.cli.ops.Approve;
import dev.greenlight.cli.ops.History;
import dev.greenlight.cli.ops.ListExecutions;
import dev.greenlight.cli.ops.Push;
import dev.greenlight.cli.ops.Reject;
import dev.greenlight.cli.ops.Start;
import dev.greenlight.cli.ops.Status;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code greenlight} command. Exit codes: 0 done, 1 the work failed or found problems, 2 bad usage. */
@Command(name = "greenlight", mixinStandardHelpOptions = true, version = "greenlight 0.1.0",
        description = "Blue/green deployments to Amazon ECS that verify themselves and roll back on their own.",
        subcommands = {DemoCommand.class, AslCommand.class, LocalCommand.class, ConfigCommand.class, Push.class,
                Start.class, Status.class, ListExecutions.class, Approve.class, Reject.class, History.class,
                ConsoleCommand.class, IamCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the work failed, or the input has problems (each is printed)",
                "2:bad usage (an unknown command or option, an empty argument, a value out of range)",
                "3:greenlight status: the deployment did not succeed"})
public final class Greenlight {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Greenlight()).setExecutionExceptionHandler(new Failures())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
