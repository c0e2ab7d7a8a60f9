package dev.greenlight.cli.config;

import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.GreenlightConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code greenlight config validate FILE}: the loader's verdict, every problem on its own line. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Read a configuration file as the workers and the CDK app read it and print every problem, "
                + "one per line, each naming the service and field:",
                "  FILE: services.orders.canary.percent: must be a whole number from 1 to 99, got 150"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file is valid", "1:the file has problems (each is printed) or cannot be read",
                "2:bad usage"})
public final class ConfigValidate implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The configuration file, e.g. greenlight.json.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            GreenlightConfig config = ConfigLoader.load(file);
            PrintWriter out = spec.commandLine().getOut();
            out.println(file + ": valid (" + config.services().size() + " service"
                    + (config.services().size() == 1 ? "" : "s") + ": "
                    + String.join(", ", config.services().keySet()) + ")");
            out.flush();
            return 0;
        } catch (ConfigException e) {
            PrintWriter err = spec.commandLine().getErr();
            e.problems().forEach(problem -> err.println(file + ": " + problem));
            err.flush();
            return 1;
        }
    }
}
