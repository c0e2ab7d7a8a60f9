package dev.greenlight.statemachine.scenarios;

import static dev.greenlight.statemachine.scenarios.Invariants.Expected.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.workers.config.ServiceConfig.Backend;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * Pushes that arrive while a release runs, on either backend: one deployment of the service at a time
 * (CodeDeploy's per deployment group, ECS's per service), the newest push released last.
 */
class ConcurrentPushesScenariosTest {

    private Scenario scenario;

    @AfterEach
    void close() {
        scenario.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void secondPushDuringADeployment_waitsForIt_andIsReleasedAfter(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.push("2.0", "healthy");
        String first = deploying();

        scenario.push("3.0", "healthy");
        scenario.runAllToEnd();

        Invariants.check(scenario, Map.of(name(first), succeeded(), name(second(first)), succeeded()));
        assertThat(scenario.taskErrors(second(first))).contains("dev.greenlight.workers.preflight.DeploymentInProgress");
        assertThat(scenario.productionTags()).containsExactly("3.0");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void olderPushStillWaiting_isSupersededByANewerOne_andOnlyTheNewestIsReleased(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.push("2.0", "healthy");
        deploying();

        scenario.push("3.0", "healthy");
        scenario.clock.advance(Duration.ofMinutes(1));
        scenario.push("4.0", "healthy");
        scenario.runAllToEnd();

        String waiting = execution("orders-3_0-");
        Invariants.check(scenario, Map.of(name(execution("orders-2_0-")), succeeded(), name(waiting), succeeded(),
                name(execution("orders-4_0-")), succeeded()));
        assertThat(scenario.exited(waiting, "Superseded", 1)).as("3.0 ended as superseded").isTrue();
        assertThat(scenario.productionTags()).containsExactly("4.0");
    }

    /** Runs until the first push's deployment has started; returns its execution. */
    private String deploying() {
        scenario.runUntil(() -> !scenario.executions().isEmpty(), Duration.ofMinutes(1));
        String first = scenario.executions().get(0).executionArn();
        scenario.runUntil(() -> scenario.exited(first, "StartDeployment", 1), Duration.ofMinutes(10));
        return first;
    }

    private String second(String first) {
        return scenario.executions().stream().map(ExecutionListItem::executionArn).filter(arn -> !arn.equals(first))
                .findFirst().orElseThrow();
    }

    private String execution(String namePrefix) {
        return scenario.executions().stream().filter(e -> e.name().startsWith(namePrefix))
                .map(ExecutionListItem::executionArn).findFirst().orElseThrow();
    }

    private String name(String executionArn) {
        return scenario.describe(executionArn).name();
    }
}
