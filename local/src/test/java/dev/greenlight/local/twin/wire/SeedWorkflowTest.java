package dev.greenlight.local.twin.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.gateway.AwsCli;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.testing.RequiredTool;
import dev.greenlight.local.twin.LocalTwin;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * The seed write-up on the twin, exactly as a user runs it: {@code scripts/seed-workflow} against an
 * empty account served on the wall clock (what {@code greenlight local up --empty} serves), with
 * the stock AWS CLI and skopeo. The script checks each step and the fleet itself (the hook's GET on
 * the test listener, production moved to the new version, the replacement tasks running); this
 * test also reads the outcome from the twins.
 */
class SeedWorkflowTest {

    private static final Duration LIMIT = Duration.ofMinutes(5);

    private RealClock clock;
    private LocalTwin twin;
    private WireGateway gateway;

    @BeforeEach
    void serveAnEmptyAccount() {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH: the seed workflow did not run");
        RequiredTool.assume(List.of("skopeo", "tar", "gzip", "curl", "javac", "jar", "sha256sum").stream()
                .allMatch(OciLayout::onPath), "skopeo, tar, gzip, curl, sha256sum, javac and jar are needed by scripts/seed-workflow");
        clock = new RealClock();
        twin = LocalTwin.realTime(clock);
        gateway = twin.serve(0);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
            twin.close();
            clock.close();
        }
    }

    @Test
    void theSeedWriteUpRunsEndToEndAndTheDeploymentHappensOnTheFleet() throws Exception {
        Instant start = Instant.now();

        Run run = seedWorkflow();
        System.out.print(run.output()); // each step with its elapsed seconds, for the CI log

        assertThat(run.exit()).as("scripts/seed-workflow failed:%n%s", run.output()).isZero();
        assertThat(run.output())
                .contains("refused as expected: DeploymentLimitExceededException")
                .contains("BeforeAllowTraffic: the hook's GET on the test listener saw 2.0 and reported Succeeded")
                .contains("-> {\"version\":\"2.0\",\"status\":200}")
                .contains("refused as expected: DeploymentDoesNotExistException")
                .contains("refused as expected: ApplicationDoesNotExistException")
                .contains("refused as expected: DeploymentGroupDoesNotExistException")
                .contains("seed-workflow: OK");
        List<DeploymentStatus> statuses = twin.codeDeploy().listDeployments(r -> r.applicationName("seed-app")
                .deploymentGroupName("seed-dg")).deployments().stream()
                .map(id -> twin.codeDeploy().getDeployment(r -> r.deploymentId(id)).deploymentInfo().status()).toList();
        assertThat(statuses).contains(DeploymentStatus.SUCCEEDED, DeploymentStatus.STOPPED);
        String production = twin.elb().describeListeners(r -> r.loadBalancerArn(twin.elb().describeLoadBalancers(
                l -> l.names("seed-alb")).loadBalancers().get(0).loadBalancerArn())).listeners().stream()
                .filter(listener -> listener.port() == 80).findFirst().orElseThrow().listenerArn();
        assertThat(twin.elb().describeListeners(r -> r.listenerArns(production)).listeners().get(0).defaultActions()
                .get(0).forwardConfig().targetGroups()).filteredOn(group -> group.weight() > 0)
                .extracting(TargetGroupTuple::targetGroupArn).singleElement().asString().contains("seed-green");
        System.out.printf("seed workflow on the twin: %d s%n", Duration.between(start, Instant.now()).toSeconds());
    }

    private record Run(int exit, String output) {
    }

    private Run seedWorkflow() throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of("..", "scripts", "seed-workflow").toAbsolutePath().normalize();
        assertThat(Files.isExecutable(script)).as("%s is executable", script).isTrue();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), String.valueOf(gateway.port()))
                .redirectErrorStream(true);
        // The hook compiles against the same aws-lambda-java-core the twin runs handlers with.
        builder.environment().put("LAMBDA_CORE_JAR",
                Path.of(Context.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("the script finished").isTrue();
        return new Run(process.exitValue(), output);
    }
}
