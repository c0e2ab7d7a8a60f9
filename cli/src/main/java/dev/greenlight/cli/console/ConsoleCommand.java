package dev.greenlight.cli.console;

import dev.greenlight.cli.Arguments;
import dev.greenlight.cli.CliError;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.AwsCommand;
import dev.greenlight.cli.ops.ConfigSource;
import dev.greenlight.workers.config.GreenlightConfig;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code greenlight console}: the web console on 127.0.0.1, until Ctrl-C. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Serve a web console on 127.0.0.1: the services and their recent releases, each release's "
                + "pipeline graph with where it is, its traffic split, alarms, canary evidence, smoke test and "
                + "audit report, updated live; approve or reject a waiting release and start one from the page.",
                "It works against the running twin, else AWS with the SDK's credentials and region, as the other "
                        + "commands do. Stop it with Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:the console could not start (the port is taken, AWS unreachable); the "
                + "reason is printed", "2:bad usage"})
public final class ConsoleCommand extends AwsCommand {

    public static final int DEFAULT_PORT = 4580;

    @Option(names = "--port", defaultValue = "" + DEFAULT_PORT, paramLabel = "N",
            description = "The port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration releases are started with (default: the running twin's, else "
                    + "./greenlight.json; without one the console watches and answers approvals only).")
    Path config;

    @Override
    protected void checkArguments() {
        Arguments.within(spec, port, 0, 65_535, "--port", "a port: use 1 to 65535, or 0 for a free one");
    }

    @Override
    protected int run(Aws aws, PrintWriter out) {
        aws.stateMachineArn(); // no pipeline is a clear error now, not on the page
        Console console;
        try {
            console = Console.start(aws, configuration(aws), port);
        } catch (UncheckedIOException e) {
            throw new CliError("Cannot serve the console on 127.0.0.1:" + port + " (" + e.getCause().getMessage()
                    + "). Is another console running? Pick another port with --port N.");
        }
        try (console) {
            out.println("Greenlight console: " + console.url() + "  (against " + aws.where() + "; Ctrl-C to stop)");
            out.flush();
            new CountDownLatch(1).await(); // until Ctrl-C ends the JVM
        } catch (InterruptedException e) {
            // An embedding caller (a test) stops it: the console is closed, and that is a clean stop.
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private GreenlightConfig configuration(Aws aws) {
        try {
            return ConfigSource.resolve(config, aws);
        } catch (CliError none) {
            if (config != null) {
                throw none;
            }
            return null;
        }
    }
}
