package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private final DeploymentSummary released = new DeploymentSummary("2.0", Outcome.SUCCEEDED, null,
            Duration.ofSeconds(185), 20, 10, 3_712, 0, null, null);
    private final DeploymentSummary rolledBack = new DeploymentSummary("3.0", Outcome.ROLLED_BACK,
            "Greenlight.AlarmFired", Duration.ofMillis(132_400), 20, 10, 2_640, 87, Duration.ofSeconds(60),
            Duration.ofMillis(6_250));
    private final DeploymentSummary quiet = new DeploymentSummary("3.1", Outcome.ROLLED_BACK,
            "Greenlight.AlarmFired", Duration.ofMillis(101_000), 0, 10, 0, 0, Duration.ofSeconds(75),
            Duration.ofMillis(200));

    @Test
    void onePaddedRowPerDeployment_underAHeadingRow() {
        String table = SummaryTable.render(List.of(released, rolledBack, quiet));

        assertThat(table.lines()).containsExactly(
                "version  outcome      duration  users/s  user requests  failed (blast radius)  bound  time to detect"
                        + "  detection to rollback  error",
                "2.0      SUCCEEDED    3m 05s    20       3,712          0                      -      -         "
                        + "      -                      -",
                "3.0      ROLLED_BACK  2m 12s    20       2,640          87                     133    60.0 s    "
                        + "      6.3 s                  Greenlight.AlarmFired",
                "3.1      ROLLED_BACK  1m 41s    0        0              0                      0      75.0 s    "
                        + "      0.2 s                  Greenlight.AlarmFired");
    }

    @Test
    void theBound_isTheCanarysShareOfTheUsersRateOverTheTimeTheBadVersionWasExposed() {
        // 10 % of 20 requests a second over 60 s to detect and 6.25 s to roll back: 132.5, rounded up.
        assertThat(rolledBack.blastRadiusBound()).isEqualTo(133);
        assertThat(quiet.blastRadiusBound()).as("no users, nobody hurt").isZero();
        assertThat(released.blastRadiusBound()).isNull();
    }

    @Test
    void noDeployments_isTheHeadingAlone() {
        assertThat(SummaryTable.render(List.of()).lines()).hasSize(1);
    }
}
