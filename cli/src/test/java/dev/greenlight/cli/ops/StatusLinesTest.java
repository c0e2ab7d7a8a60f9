package dev.greenlight.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.workers.pipeline.AskedApproval;
import dev.greenlight.workers.pipeline.DeploymentStatus;
import dev.greenlight.workers.pipeline.DeploymentStatus.Alarm;
import dev.greenlight.workers.pipeline.RetriedWait;
import dev.greenlight.workers.pipeline.TrafficSplit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** {@code greenlight status}'s lines, from the read model: for people, the figures left to history --format json. */
class StatusLinesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:07:30Z");
    private static final String NAME = "orders-3_0-627fb46173f3";
    private static final List<Alarm> ALARMS = List.of(new Alarm("orders-blue-5xx", "ALARM", "green"),
            new Alarm("orders-green-5xx", "OK", "blue"));
    /** As the rehearsal's 3.0 ended on the twin. */
    private static final String CAUSE = "An alarm fired while 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@"
            + "sha256:627f was watched (deployment d-NXNJW61QH): [{\"name\":\"orders-blue-5xx\",\"state\":\"ALARM\","
            + "\"firedAt\":\"2026-01-01T00:07:00Z\",\"reason\":\"Threshold Crossed: 1 out of the last 1 datapoints "
            + "[52.0 (01/01/26 00:06:00)] was greater than or equal to the threshold (1.0) (minimum 1 datapoint for "
            + "OK -> ALARM transition).\",\"role\":\"green\",\"targetGroup\":\"orders-blue\"},{\"name\":"
            + "\"orders-green-5xx\",\"state\":\"OK\",\"firedAt\":null,\"reason\":\"Threshold Crossed: no datapoints"
            + "\",\"role\":\"blue\",\"targetGroup\":\"orders-green\"}]. Traffic went back to the previous version; "
            + "read the alarms and the new version logs.";

    @Test
    void aRolledBackRelease_saysTheVerdictAndEachAlarmThatFired_withItsRoleAndAShortReason_notTheJson() {
        DeploymentStatus status = new DeploymentStatus(NAME, ExecutionStatus.FAILED, "AlarmFired", "d-NXNJW61QH",
                "Stopped", null, null, new TrafficSplit(List.of()), ALARMS, "Greenlight.AlarmFired", CAUSE);

        List<String> lines = StatusLines.of(status);

        assertThat(lines).endsWith(
                "  error:      Greenlight.AlarmFired: An alarm fired while 123456789012.dkr.ecr.us-east-1.amazonaws.com/"
                        + "orders@sha256:627f was watched (deployment d-NXNJW61QH). Traffic went back to the previous "
                        + "version; read the alarms and the new version logs.",
                "              alarm orders-blue-5xx (green) in ALARM since 00:07:00 UTC: Threshold Crossed: 1 out of "
                        + "the last 1 datapoints [52.0 (01/01/26 00:06:00)] was greater than or equal to the "
                        + "threshold (1.0)");
        assertThat(String.join("\n", lines)).doesNotContain("{\"", "targetGroup", "orders-green-5xx (blue) in ALARM");
    }

    @Test
    void aWaitingApproval_saysUntilWhenAndHowToAnswer() {
        DeploymentStatus status = new DeploymentStatus(NAME, ExecutionStatus.RUNNING, "RequestApproval", "d-1",
                "InProgress", new AskedApproval(NAME, T0, T0.plusSeconds(1800), "arn:aws:sns:us-east-1:1:greenlight"),
                null, new TrafficSplit(List.of()), ALARMS, null, null);

        assertThat(StatusLines.of(status)).contains("  waiting for approval until 00:37:30 UTC (then rolled back): "
                + "greenlight approve " + NAME + " --reason TEXT   (or greenlight reject " + NAME + ")");
    }

    @Test
    void preflightWaitingForAStaleAlarm_saysWhichAlarmSinceWhen_andWhenTheReleaseWouldFail() {
        RetriedWait wait = new RetriedWait("Preflight", "dev.greenlight.workers.preflight.StaleAlarmStillFiring",
                "alarm orders-blue-5xx (target group orders-blue, in ALARM since 2026-01-01T00:07:00Z) still fires",
                T0, 2, 20, Duration.ofSeconds(30), T0.plusSeconds(60), T0.plusSeconds(600));
        DeploymentStatus status = new DeploymentStatus(NAME, ExecutionStatus.RUNNING, "Preflight", null, null, null,
                wait, new TrafficSplit(List.of()), ALARMS, null, null);

        assertThat(StatusLines.of(status)).containsSubsequence(NAME + ": RUNNING, in Preflight",
                "  waiting:    Preflight since 00:07:30 UTC: alarm orders-blue-5xx (target group orders-blue, in "
                        + "ALARM since 2026-01-01T00:07:00Z) still fires",
                "              looked 2 times, every 30 s; next look 00:08:30 UTC; the release fails with "
                        + "StaleAlarmStillFiring if it still waits at 00:17:30 UTC",
                "  deployment: not started");
    }
}
