package dev.greenlight.cli;

import dev.greenlight.workers.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns what a command throws into sentences on stderr and exit code 1: a user never sees a stack trace. */
final class Failures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        command.getErr().println(explain(e));
        command.getErr().flush();
        return 1;
    }

    static String explain(Exception e) {
        if (e instanceof CliError) {
            return e.getMessage();
        }
        if (e instanceof ConfigException config) {
            return "The configuration has problems:" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", config.problems()) + System.lineSeparator()
                    + "Fix them (greenlight config validate FILE lists them all) and run the command again.";
        }
        return "greenlight failed unexpectedly: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                + ". This is a bug; please report it with the command you ran.";
    }
}
