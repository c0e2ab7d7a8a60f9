package dev.greenlight.cli.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.core.Worker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * What the issue asks the twin to prove before anything reaches AWS: the stock CDK CLI deploys both
 * stacks, and the pipeline CloudFormation created (its state machine, its functions from the uploaded
 * jar with their own environment and execution roles, IAM enforced, its EventBridge rule) releases a
 * good image and rolls back a bad one, leaving production whole on the good version; then destroy.
 * The CLI needs real time, so the configuration keeps windows short (a three-minute canary, the
 * shortest Preflight allows for the demo stack's two-period latency alarms, with synthetic load; a
 * one-minute bake); each step's time is printed.
 */
class ReleaseThroughTheDeployedPipelineTest {

    private static final Duration RELEASE_LIMIT = Duration.ofMinutes(8);

    @TempDir
    Path work;

    @Test
    void aGoodImageIsReleasedAndABadOneRolledBackByThePipelineCloudFormationCreated() throws Exception {
        RequiredTool.assume(CdkCli.installed(), "the pinned CDK CLI is not installed (run scripts/test-tools)");
        RequiredTool.assume(CdkCli.appBuilt(), "the infra app and the workers' jar are not built (mvn package first)");
        long started = System.nanoTime();
        try (LocalTwin twin = LocalTwin.realTime(new RealClock()); WireGateway gateway = twin.serve(0)) {
            CdkCli cdk = new CdkCli(gateway.port());
            Path demoAssembly = work.resolve("demo.out");
            step(cdk.synth(work.resolve("synth-demo.log"), demoAssembly), "synth");
            step(cdk.run(work.resolve("bootstrap.log"), "bootstrap", "--app", demoAssembly.toString()), "bootstrap");
            step(cdk.run(work.resolve("deploy-demo.log"), "deploy", "--app", demoAssembly.toString(), "GreenlightDemo",
                    "--require-approval", "never"), "deploy GreenlightDemo");

            // As a user does with the demo stack's TestUrl output: the smoke tests' URL goes into the file.
            Path config = rehearsalConfig(twin.elb().listenerPort(listener(twin, 8080).listenerArn()));
            Path assembly = work.resolve("cdk.out");
            step(cdk.synth(work.resolve("synth.log"), assembly, "greenlight:config=" + config), "synth (configured)");
            step(cdk.run(work.resolve("deploy.log"), "deploy", "--app", assembly.toString(), "Greenlight",
                    "--require-approval", "never"), "deploy Greenlight");
            String pipeline = twin.stepFunctions().listStateMachines(r -> { }).stateMachines().get(0).stateMachineArn();
            String production = "http://127.0.0.1:" + twin.elb().listenerPort(listener(twin, 80).listenerArn()) + "/";

            DemoService.push(twin, "orders", "1.0", "healthy");
            ExecutionListItem good = finished(twin, pipeline, "orders-1_0-");
            System.out.printf("release of 1.0: %s at %d s%n", good.status(), seconds(started));
            assertThat(good.status()).as(history(twin, good)).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(version(production)).isEqualTo("1.0");

            DemoService.push(twin, "orders", "2.0", "errors");
            ExecutionListItem bad = finished(twin, pipeline, "orders-2_0-");
            String error = twin.stepFunctions().describeExecution(r -> r.executionArn(bad.executionArn())).error();
            System.out.printf("release of 2.0: %s (%s) at %d s%n", bad.status(), error, seconds(started));
            assertThat(error).as(history(twin, bad)).isIn("Greenlight.SmokeTestFailed", "Greenlight.AlarmFired",
                    "Greenlight.CanaryAnalysisFailed", "Greenlight.DeploymentFailed");
            for (int request = 0; request < 20; request++) {
                assertThat(version(production)).as("production stays whole on 1.0").isEqualTo("1.0");
            }

            step(cdk.run(work.resolve("destroy.log"), "destroy", "--app", assembly.toString(), "--all", "--force"),
                    "destroy --all");
            assertThat(twin.cloudFormation().describeStacks(r -> { }).stacks()).extracting(s -> s.stackName())
                    .containsExactly("CDKToolkit");
        }
        System.out.printf("rehearsal end to end: %d s%n", seconds(started));
    }

    /** The repository's greenlight.json with the twin's test listener and windows short enough for real time. */
    private Path rehearsalConfig(int testPort) throws Exception {
        ObjectNode file = (ObjectNode) Worker.JSON.readTree(CdkCli.REPO.resolve("greenlight.json").toFile());
        ObjectNode orders = (ObjectNode) file.path("services").path("orders");
        orders.set("canary", Worker.JSON.readTree("""
                {"percent": 10, "minutes": 3, "maxMinutes": 3, "minRequests": 100,
                 "syntheticLoad": {"requestsPerSecond": 5, "paths": ["/"], "expectStatus": 200}}"""));
        orders.put("bakeMinutes", 1);
        ObjectNode smoke = (ObjectNode) orders.path("smoke");
        smoke.put("testUrl", "http://127.0.0.1:" + testPort);
        smoke.put("deadlineSeconds", 30);
        smoke.put("retryIntervalSeconds", 2);
        Path config = work.resolve("greenlight.json");
        Files.write(config, Worker.JSON.writeValueAsBytes(file));
        return config;
    }

    private static Listener listener(LocalTwin twin, int port) {
        return twin.elb().describeLoadBalancers(r -> { }).loadBalancers().stream()
                .flatMap(lb -> twin.elb().describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn()))
                        .listeners().stream())
                .filter(listener -> listener.port() == port).findFirst().orElseThrow();
    }

    /** Polls, on the wall clock like the CLI, until the execution the push started has ended. */
    private static ExecutionListItem finished(LocalTwin twin, String pipeline, String namePrefix)
            throws InterruptedException {
        long deadline = System.nanoTime() + RELEASE_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ExecutionListItem> execution = twin.stepFunctions()
                    .listExecutions(r -> r.stateMachineArn(pipeline)).executions().stream()
                    .filter(e -> e.name().startsWith(namePrefix)).findFirst();
            if (execution.isPresent() && execution.get().status() != ExecutionStatus.RUNNING) {
                return execution.get();
            }
            Thread.sleep(2_000);
        }
        throw new AssertionError("no execution " + namePrefix + "… of " + pipeline + " ended within " + RELEASE_LIMIT
                + "; executions: " + twin.stepFunctions().listExecutions(r -> r.stateMachineArn(pipeline)).executions());
    }

    /** The execution's last steps, and why it failed if it did: what a failing assertion shows. */
    private static String history(LocalTwin twin, ExecutionListItem execution) {
        var described = twin.stepFunctions().describeExecution(r -> r.executionArn(execution.executionArn()));
        return execution.name() + " " + described.status() + " " + Optional.ofNullable(described.error()).orElse("")
                + " " + Optional.ofNullable(described.cause()).orElse("") + "; last states: "
                + twin.stepFunctions().getExecutionHistory(r -> r.executionArn(execution.executionArn())
                        .reverseOrder(true).maxResults(40)).events().stream()
                        .filter(e -> e.stateEnteredEventDetails() != null)
                        .map(e -> e.stateEnteredEventDetails().name()).toList();
    }

    private static String version(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return Worker.JSON.readTree(response.body()).path("version").asText();
    }

    private static void step(CdkCli.Result result, String name) {
        System.out.printf("cdk %s: exit %d in %d ms%n", name, result.exit(), result.millis());
        assertThat(result.exit()).as("cdk %s:%n%s", name, result.output()).isZero();
    }

    private static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000;
    }
}
