package dev.greenlight.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.CommandRun;
import dev.greenlight.cli.TwinOnPort;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidateTest {

    @TempDir
    Path directory;

    @Test
    void theRepositorysConfiguration_isValid() {
        CommandRun run = CommandRun.of("config", "validate", "../greenlight.json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("../greenlight.json: valid (1 service: orders)" + System.lineSeparator());
    }

    @Test
    void everyProblem_isPrintedOnItsOwnLineNamingTheFile_andTheExitCodeIsOne() throws IOException {
        Path file = Files.writeString(directory.resolve("greenlight.json"), Files.readString(Path.of("../greenlight.json"))
                .replace("\"percent\": 10", "\"percent\": 150").replace("\"containerPort\": 80", "\"containerPort\": 0"));

        CommandRun run = CommandRun.of("config", "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactlyInAnyOrder(
                file + ": services.orders.containerPort: must be a whole number from 1 to 65535, got 0",
                file + ": services.orders.canary.percent: must be a whole number from 1 to 99, got 150");
    }

    @Test
    void aCanaryShorterThanTheAnalysisNeeds_isAProblemOffline() throws IOException {
        Path file = Files.writeString(directory.resolve("greenlight.json"), Files.readString(Path.of("../greenlight.json"))
                .replace("\"minutes\": 5", "\"minutes\": 1"));

        CommandRun run = CommandRun.of("config", "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly(file + ": services.orders.canary.minutes 1 is shorter than the "
                + "analysis needs: at least 2 minutes (one 60-second load balancer period and its publication delay)");
    }

    @Test
    void withCheckAlarms_aCanaryShorterThanAnAlarmsTimeToFire_namesTheAlarmAndTheMinimum() throws IOException {
        try (TwinOnPort twin = new TwinOnPort(ApprovalMode.auto, directory.resolve("home"))) {
            twin.twin.cloudWatch().putMetricAlarm(r -> r.alarmName("orders-slow").namespace("AWS/ApplicationELB")
                    .metricName("TargetResponseTime").dimensions(d -> d.name("LoadBalancer").value("app/orders-alb/1"))
                    .statistic("Average").period(300).evaluationPeriods(2).threshold(1.0)
                    .comparisonOperator("GreaterThanThreshold"));
            Path file = Files.writeString(directory.resolve("greenlight.json"),
                    Files.readString(Path.of("../greenlight.json")).replace(
                            "\"orders-blue-5xx\", \"orders-blue-latency\", \"orders-green-5xx\", \"orders-green-latency\"",
                            "\"orders-blue-5xx\", \"orders-slow\""));

            CommandRun run = CommandRun.of("config", "validate", file.toString(), "--check-alarms");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines()).containsExactly(file + ": services.orders.canary.minutes 5 is shorter than "
                    + "alarm orders-slow needs to fire: at least 11 minutes (Period x DatapointsToAlarm plus 60 s for "
                    + "the load balancer to publish)");
        }
    }

    @Test
    void aMissingFile_isAProblemNotAStackTrace() {
        CommandRun run = CommandRun.of("config", "validate", directory.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot read the configuration file").doesNotContain("Exception\n\tat ");
    }

    @Test
    void deeplyNestedArrays_areAProblemNotABug() throws IOException {
        Path file = Files.writeString(directory.resolve("deep.json"), "[".repeat(5000) + "]".repeat(5000));

        CommandRun run = CommandRun.of("config", "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ": the configuration is not valid JSON: ")
                .contains("nesting depth").doesNotContain("This is a bug");
    }

    @Test
    void validJsonFollowedByGarbage_isNotValid() throws IOException {
        Path file = Files.writeString(directory.resolve("trailing.json"),
                Files.readString(Path.of("../greenlight.json")) + "\n}garbage");

        CommandRun run = CommandRun.of("config", "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ": the configuration is not valid JSON: ").contains("line");
    }

    @Test
    void aFileTooLargeForTheLambdaEnvironment_isRefusedWithoutBeingRead() throws IOException {
        Path file = directory.resolve("huge.json");
        Files.writeString(file, "{\"services\": {}, \"padding\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}");

        CommandRun run = CommandRun.of("config", "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ": the file is 10,485,") .contains("4 KB")
                .contains("3,500 characters");
    }

    @Test
    void aValidConfigurationOverTheEnvironmentLimit_isAProblem() throws IOException {
        String manyAlarms = "\"alarms\": [" + "\"orders-alarm-with-a-long-name-0000000000\", ".repeat(80);
        Path file = Files.writeString(directory.resolve("big.json"),
                Files.readString(Path.of("../greenlight.json")).replace("\"alarms\": [", manyAlarms));

        CommandRun run = CommandRun.of("config", "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ": the configuration is ").contains("characters without white space")
                .contains("3,500");
    }
}
