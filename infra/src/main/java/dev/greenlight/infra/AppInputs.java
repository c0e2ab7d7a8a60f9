package dev.greenlight.infra;

import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.GreenlightConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;

/**
 * What the app is built from: the configuration file (through the workers' own loader, so a broken
 * file fails synthesis with the loader's message), the pipeline definition and the workers' jar.
 * {@code demoService} names the configured service the demo stack provisions, or is null.
 */
public record AppInputs(GreenlightConfig config, String configJson, String definition, Path workersJar,
        String demoService) {

    public static final String CONFIG = "greenlight:config";
    public static final String DEFINITION = "greenlight:definition";
    public static final String WORKERS_JAR = "greenlight:workersJar";
    public static final String DEMO_SERVICE = "greenlight:demoService";

    /** Paths from the context ({@code cdk.json} or {@code -c key=value}), relative to the app's folder. */
    static AppInputs fromContext(App app) {
        return load(Path.of(context(app, CONFIG, "../greenlight.json")),
                Path.of(context(app, DEFINITION, "../statemachine/pipeline.asl.json")),
                Path.of(context(app, WORKERS_JAR, "../workers/target/greenlight-workers.jar")),
                context(app, DEMO_SERVICE, ""));
    }

    /** @throws dev.greenlight.workers.config.ConfigException with the loader's message for a broken file */
    public static AppInputs load(Path configFile, Path definitionFile, Path workersJar, String demoService) {
        GreenlightConfig config = ConfigLoader.load(configFile);
        if (!Files.isRegularFile(definitionFile)) {
            throw new IllegalStateException("the pipeline definition " + definitionFile + " does not exist");
        }
        if (!Files.isRegularFile(workersJar)) {
            throw new IllegalStateException("the workers' jar " + workersJar + " does not exist: build it with "
                    + "`mvn -pl infra -am package -DskipTests` from the repository root (npx cdk synth does)");
        }
        String blankless = demoService == null || demoService.isBlank() ? null : demoService;
        if (blankless != null) {
            config.service(blankless);
        }
        return new AppInputs(config, compact(read(configFile)), read(definitionFile), workersJar, blankless);
    }

    private static String context(App app, String key, String otherwise) {
        Object value = app.getNode().tryGetContext(key);
        return value == null ? otherwise : value.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The file as the loader accepted it, without white space: it travels in environment variables. */
    private static String compact(String json) {
        try {
            return dev.greenlight.workers.core.Worker.JSON.writeValueAsString(
                    dev.greenlight.workers.core.Worker.JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
