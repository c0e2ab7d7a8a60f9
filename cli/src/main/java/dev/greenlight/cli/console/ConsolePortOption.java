package dev.greenlight.cli.console;

import dev.greenlight.cli.Arguments;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The web console's port, for commands that serve it alongside the twin ({@code demo}, {@code local up}). */
public final class ConsolePortOption {

    @Option(names = "--console-port", defaultValue = "0", paramLabel = "N",
            description = "The web console's port on 127.0.0.1 (default ${DEFAULT-VALUE}: a free one; its address "
                    + "is printed).")
    int consolePort;

    /** The port, checked: a bad one is bad usage of the command in {@code spec}. */
    public int port(CommandSpec spec) {
        return Arguments.within(spec, consolePort, 0, 65_535, "--console-port",
                "a port: use 1 to 65535, or 0 for a free one");
    }
}
