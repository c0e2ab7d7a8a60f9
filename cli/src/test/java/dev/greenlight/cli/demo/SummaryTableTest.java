package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private final DeploymentSummary released = new DeploymentSummary("2.0", Outcome.SUCCEEDED, null,
            Duration.ofSeconds(185), 3_712, 0, null);
    private final DeploymentSummary rolledBack = new DeploymentSummary("3.0", Outcome.ROLLED_BACK,
            "Greenlight.AlarmFired", Duration.ofMillis(132_400), 2_640, 87, Duration.ofMillis(6_250));

    @Test
    void onePaddedRowPerDeployment_underAHeadingRow() {
        String table = SummaryTable.render(List.of(released, rolledBack));

        assertThat(table.lines()).containsExactly(
                "version  outcome      duration  user requests  failed (blast radius)  detection to rollback  error",
                "2.0      SUCCEEDED    3m 05s    3,712          0                      -                      -",
                "3.0      ROLLED_BACK  2m 12s    2,640          87                     6.3 s                  "
                        + "Greenlight.AlarmFired");
    }

    @Test
    void noDeployments_isTheHeadingAlone() {
        assertThat(SummaryTable.render(List.of()).lines()).hasSize(1);
    }
}
