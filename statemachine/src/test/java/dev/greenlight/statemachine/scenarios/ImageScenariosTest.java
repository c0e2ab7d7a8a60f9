package dev.greenlight.statemachine.scenarios;

import static dev.greenlight.statemachine.scenarios.Invariants.Expected.failed;
import static dev.greenlight.statemachine.scenarios.Invariants.Expected.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.aws.ecr.LocalImage;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.local.aws.ecr.PlannedFinding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/** The image gate: what VerifyImage lets through, waits for, and rejects before anything is deployed. */
class ImageScenariosTest {

    private Scenario scenario;

    @AfterEach
    void close() {
        scenario.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void scanStillRunningAtFirst_isWaitedFor_andTheImageIsReleasedOnceItCompletes(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.push("2.0", "healthy");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, succeeded());
        assertThat(scenario.taskErrors(done.executionArn())).as("VerifyImage's attempts")
                .startsWith("dev.greenlight.workers.verify.ScanInProgress");
        assertThat(scenario.productionTags()).containsExactly("2.0");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void imageWithACriticalFinding_isRejected_andNothingIsDeployed(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.push(LocalImage.of("2.0", "healthy").withFindings(List.of(
                new PlannedFinding("CVE-2026-0001", FindingSeverity.CRITICAL, "remote code execution in the parser"))));
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.ImageRejected"));
        assertThat(done.cause()).contains("CRITICAL");
        assertThat(scenario.productionTags()).containsExactly("1.0");
        assertThat(scenario.deployments()).as("deployments").isEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void imageBuiltForArm64_isRejectedForTheServicesPlatform(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.push(new LocalImage("2.0", "linux", "arm64", Map.of(), List.of(), "healthy"));
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.ImageRejected"));
        assertThat(done.cause()).contains("arm64");
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void imageWhoseProfileLabelTheFleetCannotRun_failsItsDeploymentInMinutesWithTheBackendsReason(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        // Pushed by another registry client: greenlight push would have refused the profile.
        scenario.push(LocalImage.of("2.0", "bogus"));
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.DeploymentFailed"));
        if (backend == Backend.codedeploy) {
            assertThat(done.cause()).contains("ECS_UPDATE_ERROR", "Essential container in task exited",
                    "unknown app profile 'bogus'");
        } else {
            // ECS's service deployment gives a reason only: its circuit breaker's, not the tasks'.
            assertThat(done.cause()).contains("circuit breaker");
        }
        assertThat(Duration.between(done.startDate(), done.stopDate())).isLessThan(Duration.ofMinutes(10));
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void manualStartOfATagThatDoesNotExist_isRejectedNamingTheImage(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.startByHand("orders-9_9-by-hand", "9.9");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.ImageRejected"));
        assertThat(done.cause()).contains("orders:9.9", "is not in repository");
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }
}
