package dev.greenlight.statemachine.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.config.ServiceConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * What must hold after every scenario, whatever went wrong on the way: each execution ended as
 * expected, a release went out only on positive evidence (the canary analysis passed on at least
 * minRequests of green's own requests), production traffic is wholly on one target group whose task
 * sets run the original image or one the pipeline verified, and CodeDeploy has no deployment left
 * in progress.
 */
final class Invariants {

    /** CodeDeploy's statuses of a deployment that still holds its deployment group. */
    private static final Set<DeploymentStatus> ACTIVE = Set.of(DeploymentStatus.CREATED, DeploymentStatus.QUEUED,
            DeploymentStatus.IN_PROGRESS, DeploymentStatus.BAKING, DeploymentStatus.READY);

    /** How an execution must end: its status, and for a failure the named error. */
    record Expected(ExecutionStatus status, String error) {

        static Expected succeeded() {
            return new Expected(ExecutionStatus.SUCCEEDED, null);
        }

        static Expected failed(String error) {
            return new Expected(ExecutionStatus.FAILED, error);
        }
    }

    private Invariants() {
    }

    /** The scenario's one execution ended as {@code expected}, and the service is whole. */
    static void check(Scenario scenario, Expected expected) {
        List<ExecutionListItem> executions = scenario.executions();
        assertThat(executions).as("executions").hasSize(1);
        check(scenario, Map.of(executions.get(0).name(), expected));
    }

    /** Each execution, by name, ended as expected (none other ran), and the service is whole. */
    static void check(Scenario scenario, Map<String, Expected> byName) {
        assertThat(scenario.executions()).extracting(ExecutionListItem::name)
                .containsExactlyInAnyOrderElementsOf(byName.keySet());
        for (ExecutionListItem execution : scenario.executions()) {
            DescribeExecutionResponse done = scenario.describe(execution.executionArn());
            Expected expected = byName.get(execution.name());
            assertThat(done.status()).as("status of %s (%s: %s)", done.name(), done.error(), done.cause())
                    .isEqualTo(expected.status());
            assertThat(done.error()).as("error of %s (cause: %s)", done.name(), done.cause())
                    .isEqualTo(expected.error());
        }
        checkEnded(scenario);
    }

    /**
     * Whatever happened: every execution ended, released or failed with a named Greenlight error and a
     * cause (never the rollback itself failing), and the service is whole.
     */
    static void checkEnded(Scenario scenario) {
        for (ExecutionListItem execution : scenario.executions()) {
            DescribeExecutionResponse done = scenario.describe(execution.executionArn());
            assertThat(done.status()).as("status of %s (%s: %s)", done.name(), done.error(), done.cause())
                    .isIn(ExecutionStatus.SUCCEEDED, ExecutionStatus.FAILED);
            if (done.status() == ExecutionStatus.FAILED) {
                assertThat(done.error()).as("error of %s (cause: %s)", done.name(), done.cause())
                        .startsWith("Greenlight.").isNotEqualTo("Greenlight.RollbackFailed");
                assertThat(done.cause()).as("cause of %s", done.name()).isNotBlank();
            } else if (deployed(scenario, execution.executionArn())) {
                JsonNode analysis = lastCanaryAnalysis(scenario, execution.executionArn());
                assertThat(analysis.path("verdict").asText()).as("canary analysis of released %s: %s", done.name(),
                        analysis).isEqualTo("PASS");
                assertThat(analysis.path("green").path("requests").asLong()).as("green's requests behind %s",
                        done.name()).isGreaterThanOrEqualTo(scenario.config.canary().minRequests());
            }
        }
        Map<String, Double> shares = scenario.productionShares();
        assertThat(shares.values()).as("production listener's share of traffic by target group: %s", shares)
                .filteredOn(share -> share > 0).containsExactly(100.0);
        String production = shares.entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow().getKey();
        assertThat(scenario.imagesServing(production)).as("images serving production traffic")
                .isNotEmpty().isSubsetOf(allowedImages(scenario));
        assertThat(deploymentsInProgress(scenario)).as("CodeDeploy deployments still in progress").isEmpty();
    }

    /** Whether the execution started a deployment (a superseded push succeeds without one). */
    private static boolean deployed(Scenario scenario, String executionArn) {
        return scenario.history(executionArn).stream().anyMatch(e -> e.stateEnteredEventDetails() != null
                && "StartDeployment".equals(e.stateEnteredEventDetails().name()));
    }

    /** The analysis of the canary's last look, as the history recorded WatchCanary's output. */
    static JsonNode lastCanaryAnalysis(Scenario scenario, String executionArn) {
        return scenario.history(executionArn).stream()
                .filter(e -> e.stateExitedEventDetails() != null
                        && "WatchCanary".equals(e.stateExitedEventDetails().name()))
                .map(e -> Scenario.json(e.stateExitedEventDetails().output()).path("watch").path("analysis"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no WatchCanary in the history of " + executionArn));
    }

    /** The image the service started with, and every image a VerifyImage of any execution accepted. */
    private static Set<String> allowedImages(Scenario scenario) {
        Set<String> allowed = new HashSet<>(Set.of(scenario.originalImage));
        for (ExecutionListItem execution : scenario.executions()) {
            scenario.history(execution.executionArn()).stream()
                    .filter(e -> e.stateExitedEventDetails() != null
                            && "VerifyImage".equals(e.stateExitedEventDetails().name()))
                    .map(e -> Scenario.json(e.stateExitedEventDetails().output()).path("verify"))
                    .filter(verify -> verify.path("accepted").asBoolean(false))
                    .map(verify -> verify.path("imageUri"))
                    .filter(JsonNode::isTextual)
                    .forEach(uri -> allowed.add(uri.asText()));
        }
        return allowed;
    }

    private static List<String> deploymentsInProgress(Scenario scenario) {
        if (scenario.backend == ServiceConfig.Backend.ecs) {
            return scenario.twin.ecs().listServiceDeployments(r -> r.cluster(scenario.orders.cluster())
                            .service(Scenario.SERVICE)).serviceDeployments().stream()
                    .filter(d -> d.finishedAt() == null)
                    .map(d -> d.serviceDeploymentArn() + " " + d.statusAsString()).collect(Collectors.toList());
        }
        var codeDeploy = scenario.twin.codeDeploy();
        return codeDeploy.listDeployments(r -> r.applicationName(Scenario.SERVICE)
                        .deploymentGroupName(scenario.orders.deploymentGroup())).deployments().stream()
                .map(id -> codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo())
                .filter(info -> ACTIVE.contains(info.status()))
                .map(info -> info.deploymentId() + " " + info.status())
                .collect(Collectors.toList());
    }
}
