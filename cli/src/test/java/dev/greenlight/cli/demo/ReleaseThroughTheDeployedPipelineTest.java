package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.greenlight.cli.RequiredTool;
import dev.greenlight.cli.rehearsal.Checkout;
import dev.greenlight.cli.rehearsal.DeployedStacks;
import dev.greenlight.cli.rehearsal.Rehearsal;
import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.core.Worker;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * What the issue asks the twin to prove before anything reaches AWS, told as {@code greenlight demo
 * --deployed} tells it and through the same code: the stock CDK CLI deploys both stacks onto an empty
 * twin with the demo's windows (a three-minute canary with synthetic load, a one-minute bake); the
 * pipeline CloudFormation created (its state machine, its functions from the uploaded jar with their
 * own roles, IAM enforced, its EventBridge rule) releases 2.0 on the ECS service CloudFormation created
 * and rolls 3.0 back, with users on the ALB CloudFormation created; then {@code cdk destroy}. The CLI
 * needs the wall clock, so the demo's third round (no users) is left to the command: each round
 * costs minutes of CI. Each step's time is printed.
 */
class ReleaseThroughTheDeployedPipelineTest {

    @TempDir
    Path work;

    @Test
    void theDemoStoryOnTheStacksTheCdkCliDeployed_thenDestroyLeavesOnlyTheBootstrapStack() throws Exception {
        Checkout checkout = new Checkout(Path.of("..").toAbsolutePath().normalize());
        RequiredTool.assume(checkout.problem().isEmpty(), checkout.problem().orElse(""));
        long started = System.nanoTime();
        PrintWriter out = new PrintWriter(System.out, true);
        try (RealClock clock = new RealClock(); LocalTwin twin = LocalTwin.realTime(clock);
                WireGateway gateway = twin.serve(0)) {
            Rehearsal rehearsal = new Rehearsal(twin, gateway.port(), checkout, work, out);
            DeployedStacks stacks = rehearsal.deploy(DemoStage::deployedWindows);
            System.out.printf("both stacks deployed at %d s%n", seconds(started));
            DemoStage stage = DemoStage.deployed(twin, stacks);
            assertThat(stage.auto().canary().minutes()).isEqualTo(DemoStage.DEPLOYED_CANARY_MINUTES);

            List<DeploymentSummary> deployments = new Demo(stage, Pause.REAL,
                    new ProgressDisplay(out, false, Integer.MAX_VALUE)).runWithUsers();
            System.out.print(SummaryTable.render(deployments));
            System.out.printf("two rounds done at %d s%n", seconds(started));

            assertThat(deployments).extracting(DeploymentSummary::version, DeploymentSummary::outcome)
                    .containsExactly(tuple("2.0", Outcome.SUCCEEDED), tuple("3.0", Outcome.ROLLED_BACK));
            DeploymentSummary good = deployments.get(0);
            assertThat(good.failedUserRequests()).as("zero downtime").isZero();
            assertThat(good.userRequests()).isPositive();
            DeploymentSummary bad = deployments.get(1);
            assertThat(bad.error()).isIn("Greenlight.AlarmFired", "Greenlight.CanaryAnalysisFailed");
            assertThat(bad.failedUserRequests()).isPositive().isLessThan(bad.userRequests() / 10);
            if (bad.blastRadiusBound() != null) {
                assertThat(bad.failedUserRequests()).isLessThanOrEqualTo(bad.blastRadiusBound());
            }
            String production = "http://127.0.0.1:" + twin.elb().listenerPort(stage.service().productionListenerArn())
                    + "/";
            for (int request = 0; request < 20; request++) {
                assertThat(version(production)).as("production stays whole on 2.0").isEqualTo("2.0");
            }

            rehearsal.destroy(stacks);
            assertThat(twin.cloudFormation().describeStacks(r -> { }).stacks()).extracting(Stack::stackName)
                    .containsExactly("CDKToolkit");
        }
        System.out.printf("rehearsal end to end: %d s%n", seconds(started));
    }

    private static String version(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return Worker.JSON.readTree(response.body()).path("version").asText();
    }

    private static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000;
    }
}
