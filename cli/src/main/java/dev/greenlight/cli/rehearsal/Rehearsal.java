package dev.greenlight.cli.rehearsal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.core.Worker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Deploys Greenlight's CDK app onto a twin with the checkout's pinned CDK CLI, as a user deploys it
 * into AWS: bootstrap, {@code cdk deploy GreenlightDemo}, the demo's test listener into a copy of
 * greenlight.json as {@code smoke.testUrl} (what a user does with the {@code TestUrl} output), then
 * {@code cdk deploy Greenlight -c greenlight:config=<copy>}. Each step is printed with its time. What
 * {@code greenlight local up --deploy}, {@code greenlight demo --deployed} and the real-time test share.
 */
public final class Rehearsal {

    /** The service the demo stack deploys: infra/cdk.json's {@code greenlight:demoService}. */
    public static final String DEMO_SERVICE = "orders";
    public static final String DEMO_STACK = "GreenlightDemo";
    public static final String PIPELINE_STACK = "Greenlight";
    /** The demo stack's test listener (infra's DemoServiceStack.TEST_PORT); production is on 80. */
    public static final int TEST_PORT = 8080;

    private final LocalTwin twin;
    private final Checkout checkout;
    private final CdkCli cdk;
    private final Path logs;
    private final PrintWriter progress;

    /**
     * @param port     the twin's gateway, which the CDK CLI calls
     * @param logs     where each step's log goes (kept for the user to read)
     * @param progress where each step and its time is printed
     */
    public Rehearsal(LocalTwin twin, int port, Checkout checkout, Path logs, PrintWriter progress) {
        this.twin = twin;
        this.checkout = checkout;
        this.cdk = new CdkCli(checkout, port);
        this.logs = logs;
        this.progress = progress;
    }

    /**
     * Bootstraps the twin and deploys both stacks.
     *
     * @param windows changes to the demo service's entry of greenlight.json before it is deployed (the
     *                demo's short windows); {@code entry -> { }} to deploy the file as it is
     */
    public DeployedStacks deploy(Consumer<ObjectNode> windows) throws CdkStepFailed, IOException, InterruptedException {
        Path demoAssembly = logs.resolve("demo.out");
        step("synth", () -> cdk.synth(logs.resolve("synth-demo.log"), demoAssembly));
        step("bootstrap", () -> cdk.run(logs.resolve("bootstrap.log"), "bootstrap", "--app", demoAssembly.toString()));
        step("deploy " + DEMO_STACK, () -> cdk.run(logs.resolve("deploy-demo.log"), "deploy", "--app",
                demoAssembly.toString(), DEMO_STACK, "--require-approval", "never"));
        Path configFile = configuration(windows);
        Path assembly = logs.resolve("cdk.out");
        step("synth with " + configFile.getFileName(), () -> cdk.synth(logs.resolve("synth.log"),
                assembly, "greenlight:config=" + configFile));
        step("deploy " + PIPELINE_STACK, () -> cdk.run(logs.resolve("deploy.log"), "deploy", "--app",
                assembly.toString(), PIPELINE_STACK, "--require-approval", "never"));
        try {
            return new DeployedStacks(StackResources.of(twin, PIPELINE_STACK).output("StateMachineArn"),
                    ConfigLoader.parse(Files.readString(configFile)), configFile, assembly, logs);
        } catch (ConfigException e) {
            throw new IllegalStateException("the configuration just deployed does not load: " + e.getMessage(), e);
        }
    }

    /** {@code cdk destroy --all --force}: both stacks go, the CDKToolkit bootstrap stack stays. */
    public void destroy(DeployedStacks stacks) throws CdkStepFailed, IOException, InterruptedException {
        step("destroy --all", () -> cdk.run(logs.resolve("destroy.log"), "destroy", "--app",
                stacks.assembly().toString(), "--all", "--force"));
    }

    /** The command line that destroys both stacks as {@link #destroy} does, for the user to run. */
    public String destroyCommand(DeployedStacks stacks) {
        return cdk.commandLine("destroy", "--app", stacks.assembly().toString(), "--all", "--force");
    }

    /**
     * Removes the CDK CLI's logs and cloud assemblies (some 50 MB a run): what a run that ended well does.
     * A failed run keeps them, and its error names where they are.
     */
    public void removeLogs() {
        try (Stream<Path> files = Files.walk(logs)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Already gone, or in a temporary directory the system cleans: nothing to tell the user.
        }
    }

    /** The checkout's greenlight.json with the demo stack's test listener, as {@code smoke.testUrl}, and the windows. */
    private Path configuration(Consumer<ObjectNode> windows) throws IOException {
        ObjectNode file = (ObjectNode) Worker.JSON.readTree(checkout.config().toFile());
        ObjectNode service = (ObjectNode) file.path("services").path(DEMO_SERVICE);
        windows.accept(service);
        ((ObjectNode) service.path("smoke")).put("testUrl", "http://127.0.0.1:" + twin.elb().listenerPort(
                StackResources.of(twin, DEMO_STACK).listener(TEST_PORT)));
        Path config = logs.resolve("greenlight.json");
        Files.write(config, Worker.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(file));
        return config;
    }

    /** One run of the CDK CLI. */
    private interface Step {
        CdkCli.Result run() throws IOException, InterruptedException;
    }

    private void step(String name, Step step) throws CdkStepFailed, IOException, InterruptedException {
        progress.printf("  cdk %-32s ", name);
        progress.flush();
        CdkCli.Result result = step.run();
        progress.println(result.exit() == 0 ? String.format("%4d s", result.took().toSeconds()) : "failed");
        progress.flush();
        if (result.exit() != 0) {
            throw new CdkStepFailed(name, result);
        }
    }
}
