package dev.greenlight.cli;

import dev.greenlight.cli.asl.AslCommand;
import dev.greenlight.cli.demo.DemoCommand;
import dev.greenlight.cli.local.LocalCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code greenlight} command. Exit codes: 0 done, 1 the work failed or found problems, 2 bad usage. */
@Command(name = "greenlight", mixinStandardHelpOptions = true, version = "greenlight 0.1.0",
        description = "Blue/green deployments to Amazon ECS that verify themselves and roll back on their own.",
        subcommands = {DemoCommand.class, AslCommand.class, LocalCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the work failed, or the input has problems (each is printed)",
                "2:bad usage (unknown command or option)"})
public final class Greenlight {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Greenlight());
    }
}
