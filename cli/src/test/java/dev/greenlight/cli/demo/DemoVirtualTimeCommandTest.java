package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.cli.CommandRun;
import dev.greenlight.local.asl.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoVirtualTimeCommandTest {

    @Test
    void virtualTimeDemo_endsWithTheSummaryAsOneJsonLine_goodReleasedBadRolledBack() {
        CommandRun run = CommandRun.of("demo", "--virtual-time", "--json");

        List<String> lines = run.out().lines().toList();
        JsonNode deployments = Json.parse(lines.get(lines.size() - 1)).get("deployments");
        assertThat(run.exitCode()).isZero();
        assertThat(deployments).extracting(d -> d.get("version").asText() + " " + d.get("outcome").asText())
                .containsExactly("2.0 SUCCEEDED", "3.0 ROLLED_BACK", "3.1 ROLLED_BACK");
        assertThat(deployments.get(0).get("failedUserRequests").asLong()).isZero();
        assertThat(deployments.get(1).get("error").asText()).isEqualTo("Greenlight.AlarmFired");
        assertThat(deployments.get(2).get("usersPerSecond").asDouble()).isZero();
        assertThat(run.out()).containsPattern("Watch it in the web console: http://127\\.0\\.0\\.1:\\d+/");
        assertThat(run.out()).contains("version  outcome      duration  users/s  user requests  failed (blast radius)"
                + "  bound  time to detect  detection to rollback");
    }
}
