package dev.greenlight.cli.ops;

import dev.greenlight.cli.CliError;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.TwinAddress;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

/** Which configuration a command uses: the file given, else the running twin's, else ./greenlight.json. */
public final class ConfigSource {

    static final Path DEFAULT_FILE = Path.of("greenlight.json");

    private ConfigSource() {
    }

    public static GreenlightConfig resolve(Path option, Aws aws) {
        if (option != null) {
            return ConfigLoader.load(option);
        }
        if (aws.twin().map(TwinAddress::config).isPresent()) {
            return aws.twin().get().config();
        }
        if (Files.isRegularFile(DEFAULT_FILE)) {
            return ConfigLoader.load(DEFAULT_FILE);
        }
        throw new CliError("No configuration: there is no greenlight.json here and no twin with a pipeline is "
                + "running. Pass --config FILE, or start the twin with greenlight local up.");
    }

    /** The service's entry; a name the configuration does not have is the user's slip, not the file's fault. */
    public static ServiceConfig service(GreenlightConfig config, String name) {
        ServiceConfig entry = config.services().get(name);
        if (entry == null) {
            throw new CliError("Unknown service '" + name + "': the configuration has "
                    + String.join(", ", new TreeSet<>(config.services().keySet()))
                    + ". Name one of those, or add the service to greenlight.json.");
        }
        return entry;
    }
}
