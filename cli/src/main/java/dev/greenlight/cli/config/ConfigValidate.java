package dev.greenlight.cli.config;

import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.ConfigSize;
import dev.greenlight.workers.config.GreenlightConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code greenlight config validate FILE}: the loader's verdict, every problem on its own line. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Read a configuration file as the workers and the CDK app read it and print every problem, "
                + "one per line, each naming the service and field; the file must also fit the Lambda environment "
                + "variable it travels in (3,500 characters without white space):",
                "  FILE: services.orders.canary.percent: must be a whole number from 1 to 99, got 150"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file is valid", "1:the file has problems (each is printed) or cannot be read",
                "2:bad usage"})
public final class ConfigValidate implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The configuration file, e.g. greenlight.json.")
    Path file;

    @Spec
    CommandSpec spec;

    /** Larger than any configuration that fits its environment variable, whatever its white space: not read. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    @Override
    public Integer call() {
        try {
            String text = read(file);
            GreenlightConfig config = ConfigLoader.parse(text);
            ConfigSize.problem(text).ifPresent(problem -> {
                throw new ConfigException(List.of(problem));
            });
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

    private static String read(Path file) {
        try {
            long bytes = Files.size(file);
            if (bytes > MAX_FILE_BYTES) {
                throw new ConfigException(List.of(String.format("the file is %,d bytes; the configuration travels in "
                        + "a Lambda environment variable, and Lambda allows 4 KB for all of a function's variables: "
                        + "keep it within %,d characters without white space", bytes, ConfigSize.MAX_CHARS)));
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(List.of("cannot read the configuration file " + file + " ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }
}
