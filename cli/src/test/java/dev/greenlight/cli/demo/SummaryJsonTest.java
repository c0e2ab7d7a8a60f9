package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {

    @Test
    void oneObjectOnOneLine_withEachDeploymentsFiguresInMilliseconds() {
        String json = SummaryJson.render(List.of(
                new DeploymentSummary("2.0", Outcome.SUCCEEDED, null, Duration.ofSeconds(185), 20, 10, 3_712, 0, null,
                        null),
                new DeploymentSummary("3.0", Outcome.ROLLED_BACK, "Greenlight.AlarmFired", Duration.ofMillis(132_400),
                        20, 10, 2_640, 87, Duration.ofSeconds(60), Duration.ofMillis(6_250))));

        assertThat(json).doesNotContain("\n").isEqualTo("{\"deployments\":["
                + "{\"version\":\"2.0\",\"outcome\":\"SUCCEEDED\",\"error\":null,\"durationMs\":185000,"
                + "\"usersPerSecond\":20.0,\"canaryPercent\":10,\"userRequests\":3712,\"failedUserRequests\":0,"
                + "\"blastRadiusBound\":null,\"timeToDetectMs\":null,\"detectionToRollbackMs\":null},"
                + "{\"version\":\"3.0\",\"outcome\":\"ROLLED_BACK\",\"error\":\"Greenlight.AlarmFired\","
                + "\"durationMs\":132400,\"usersPerSecond\":20.0,\"canaryPercent\":10,\"userRequests\":2640,"
                + "\"failedUserRequests\":87,\"blastRadiusBound\":133,\"timeToDetectMs\":60000,"
                + "\"detectionToRollbackMs\":6250}]}");
    }
}
