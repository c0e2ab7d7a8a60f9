package dev.greenlight.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesized apps shared by the tests of one JVM: synthesis starts a jsii runtime and takes seconds.
 *
 * <p>The definition is {@code statemachine/pipeline.asl.json} whenever that file exists; only while it
 * is absent do the tests use {@code src/test/resources/stand-in-pipeline.asl.json} (and
 * {@code DefinitionTest.theRealDefinitionIsPresent} is skipped, saying so). The workers' jar is a
 * placeholder archive, so the tests do not need {@code mvn package} first.
 */
final class Synthesis {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path REAL_DEFINITION = REPO.resolve("statemachine/pipeline.asl.json");
    static final Path STAND_IN_DEFINITION = Path.of("src/test/resources/stand-in-pipeline.asl.json").toAbsolutePath();
    static final Path EXAMPLE_CONFIG = REPO.resolve("greenlight.json");
    static final Path TWO_SERVICES = Path.of("src/test/resources/two-services.json").toAbsolutePath();
    /** {@code two-services.json} with payments deployed by ECS blue/green. */
    static final Path ONE_ON_ECS = Path.of("src/test/resources/one-on-ecs.json").toAbsolutePath();
    /** {@code orders} alone, deployed by ECS blue/green: the demo stack's ECS-native service. */
    static final Path ORDERS_ON_ECS = Path.of("src/test/resources/orders-on-ecs.json").toAbsolutePath();

    private static final Map<Path, Synthesized> CACHE = new ConcurrentHashMap<>();
    private static Path placeholderJar;

    /** One synthesized app: its inputs, both stacks, and their templates. */
    record Synthesized(AppInputs inputs, Greenlight.Stacks stacks, Template pipeline, Template demo, Path outdir) {
    }

    private Synthesis() {
    }

    static Path definitionFile() {
        return Files.isRegularFile(REAL_DEFINITION) ? REAL_DEFINITION : STAND_IN_DEFINITION;
    }

    /** The app for a configuration file, with the demo stack for {@code orders}. */
    static Synthesized of(Path config) {
        return CACHE.computeIfAbsent(config, c -> synthesize(inputs(c, "orders")));
    }

    static AppInputs inputs(Path config, String demoService) {
        return AppInputs.load(config, definitionFile(), placeholderJar(), demoService);
    }

    static Synthesized synthesize(AppInputs inputs) {
        try {
            Path outdir = Files.createTempDirectory("greenlight-cdk-out");
            App app = new App(AppProps.builder().outdir(outdir.toString()).build());
            Greenlight.Stacks stacks = Greenlight.build(app, inputs);
            app.synth();
            return new Synthesized(inputs, stacks, Template.fromStack(stacks.pipeline()),
                    stacks.demo() == null ? null : Template.fromStack(stacks.demo()), outdir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small archive standing in for {@code workers/target/greenlight-workers.jar}. */
    static synchronized Path placeholderJar() {
        if (placeholderJar == null) {
            try {
                Path jar = Files.createTempDirectory("greenlight-workers").resolve("greenlight-workers.jar");
                try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
                    zip.putNextEntry(new ZipEntry("placeholder.txt"));
                    zip.write("stands in for the shaded workers jar in tests\n".getBytes());
                    zip.closeEntry();
                }
                placeholderJar = jar;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return placeholderJar;
    }
}
