package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.greenlight.local.aws.iam.enforcement.AuthorizationCheck;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo's whole story on the twin in virtual time: the same rounds, observations and summary as
 * {@code greenlight demo --manual} on the wall clock, in seconds and deterministically.
 */
class DemoOnVirtualTimeTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final StringWriter written = new StringWriter();

    @AfterEach
    void close() {
        twin.close();
    }

    /** The same story whichever backend deploys the service. */
    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void goodVersionIsReleased_badOneRolledBack_manualOneReleasedOnceApproved(Backend backend)
            throws InterruptedException {
        List<AuthorizationCheck> checks = new CopyOnWriteArrayList<>();
        twin.iamEnforcement().onCheck(checks::add);
        Demo demo = new Demo(DemoStage.setUp(twin, true, backend), clock::advance,
                new ProgressDisplay(new PrintWriter(written), false, Integer.MAX_VALUE));

        List<DeploymentSummary> deployments = demo.run(new ManualApproval("http://127.0.0.1:4566",
                Duration.ofSeconds(5)));

        assertThat(deployments).extracting(DeploymentSummary::version, DeploymentSummary::outcome)
                .containsExactly(tuple("2.0", Outcome.SUCCEEDED),
                        tuple("3.0", Outcome.ROLLED_BACK),
                        tuple("3.1", Outcome.ROLLED_BACK),
                        tuple("4.0", Outcome.SUCCEEDED));
        assertThat(deployments).as("each round takes minutes: a push right after a release does not wait for the "
                + "previous blue's targets to drain").allSatisfy(deployment ->
                        assertThat(deployment.duration()).isLessThan(Duration.ofMinutes(6)));
        DeploymentSummary good = deployments.get(0);
        assertThat(good.failedUserRequests()).as("zero downtime").isZero();
        assertThat(good.userRequests()).isGreaterThan(1_000);
        assertThat(good.detectionToRollback()).isNull();
        DeploymentSummary bad = deployments.get(1);
        assertThat(bad.error()).isEqualTo("Greenlight.AlarmFired");
        assertThat(bad.failedUserRequests()).isPositive().isLessThan(bad.userRequests() / 10)
                .isLessThanOrEqualTo(bad.blastRadiusBound());
        // The alarm's state change event stops the deployment at once: traffic is back within one look.
        assertThat(bad.detectionToRollback()).isBetween(Duration.ZERO, DeploymentRound.LOOK_EVERY);
        assertThat(bad.timeToDetect()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(2));
        DeploymentSummary quiet = deployments.get(2);
        assertThat(quiet.error()).as("no users: the synthetic load is the evidence").isEqualTo(
                "Greenlight.AlarmFired");
        assertThat(quiet.userRequests()).isZero();
        assertThat(quiet.blastRadiusBound()).isZero();
        assertThat(quiet.detectionToRollback()).isBetween(Duration.ZERO, DeploymentRound.LOOK_EVERY);
        assertThat(deployments.get(3).failedUserRequests()).isZero();
        assertThat(written.toString()).contains("waits for a person's approval", "send-task-success --task-token '",
                "Approved on your behalf");
        // The demo runs under IAM: workers and the state machine as their synthesized roles, the rules by permission.
        assertThat(checks).as("every call the pipeline made was allowed").allMatch(check -> check.decision().allowed());
        assertThat(checks).extracting(check -> check.caller().roleArn() == null ? check.caller().arn()
                        : check.caller().roleArn().replaceFirst(".*/", "").replaceFirst("[0-9A-F]{8}$", ""))
                .contains("PipelineRole", "StartDeploymentRole", "TriggerRole", "events.amazonaws.com");
    }
}
