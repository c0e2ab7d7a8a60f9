package dev.greenlight.statemachine.scenarios;

import static dev.greenlight.statemachine.scenarios.Invariants.Expected.failed;
import static dev.greenlight.statemachine.scenarios.Invariants.Expected.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.greenlight.statemachine.PipelineDefinition;
import dev.greenlight.statemachine.twin.PipelineOnTwin;
import dev.greenlight.workers.config.ServiceConfig.Analysis;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.steps.Step;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/** AWS and the workers misbehaving: throttling everywhere, a worker that crashes, a hook that never answers. */
class FaultScenariosTest {

    private static final String TRANSIENT = "dev.greenlight.workers.core.TransientAwsError";

    private Scenario scenario;

    @AfterEach
    void close() {
        scenario.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void everyAwsOperationPastTheImageGateThrottledOnce_isRetried_andTheImageIsReleased(Backend backend) {
        scenario = Scenario.withClients(
                FaultInjection.throttling(operation -> operation.startsWith("EcrClient.") ? 0 : 1), backend);

        scenario.push("2.0", "healthy");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, succeeded());
        assertThat(scenario.taskErrors(done.executionArn())).contains(TRANSIENT);
        assertThat(scenario.productionTags()).containsExactly("2.0");
    }

    /**
     * VerifyImage makes six different AWS calls: one throttle on each that outlasts the SDK's own retries
     * takes six attempts, within the ten its state allows, so the release still goes out.
     */
    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void everyAwsOperationThrottledOnce_isRetried_andTheImageIsReleased(Backend backend) {
        scenario = Scenario.withClients(FaultInjection.throttling(operation -> 1), backend);

        scenario.push("2.0", "healthy");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, succeeded());
        assertThat(scenario.taskErrors(done.executionArn())).containsOnly(TRANSIENT);
        assertThat(scenario.productionTags()).containsExactly("2.0");
    }

    /** Throttling that lasts past every retry fails the step before anything is deployed, and says so. */
    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void throttlingThatOutlastsEveryRetry_failsBeforeDeploying_andNamesTheStep(Backend backend) {
        scenario = Scenario.withClients(FaultInjection.throttling(operation ->
                operation.startsWith("EcrClient.") ? 20 : 0), backend);

        scenario.push("2.0", "healthy");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.DeploymentFailed"));
        assertThat(done.cause()).contains("VerifyImage failed, nothing was deployed", TRANSIENT, "Rate exceeded");
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void workerThatCrashesMidDeployment_isCaught_andTheReleaseRollsBack(Backend backend) {
        String promote = PipelineDefinition.TWIN_FUNCTIONS.get("PromoteFunction");
        scenario = Scenario.withClients(FaultInjection.crashing(promote), backend);

        scenario.push("2.0", "healthy");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.DeploymentFailed"));
        assertThat(done.cause()).contains("Promote failed", "worker crashed");
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }

    @Test
    void smokeTestHookThatNeverAnswers_timesOutAfterAnHour_andRollsBack() {
        // Evidence is due after canary.maxMinutes: longer than the hook's hour, so CodeDeploy's timeout decides.
        scenario = Scenario.withCanary(new Canary(10, 5, 90, 100, Analysis.DEFAULT, null));
        scenario.twin.lambda().register(PipelineOnTwin.SMOKE_TEST_FUNCTION, event -> JsonNodeFactory.instance.objectNode());

        scenario.push("2.0", "healthy");
        DescribeExecutionResponse done = scenario.runToEnd();

        // CodeDeploy ends it with TIMEOUT, not HOOK_EXECUTION_FAILURE: the definition names that DeploymentFailed.
        Invariants.check(scenario, failed("Greenlight.DeploymentFailed"));
        assertThat(done.cause()).contains("TIMEOUT", PipelineOnTwin.SMOKE_TEST_FUNCTION, "within 60 minutes");
        assertThat(Duration.between(done.startDate(), done.stopDate())).isGreaterThanOrEqualTo(Duration.ofHours(1));
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }

    /**
     * ECS's hook contract has no callback to wait for: a hook that keeps answering IN_PROGRESS holds the
     * deployment until the hook's timeout (24 hours by default), so the pipeline's own evidence deadline
     * ends it first, and the rollback stops the service deployment.
     */
    @Test
    void smokeTestHookThatKeepsAnsweringInProgress_onEcs_isEndedByTheEvidenceDeadline_andRollsBack() {
        scenario = Scenario.withCanary(new Canary(10, 5, 90, 100, Analysis.DEFAULT, null), Backend.ecs);
        scenario.twin.lambda().register(Step.ECS_LIFECYCLE_HOOK.twinFunction(),
                event -> JsonNodeFactory.instance.objectNode().put("hookStatus", "IN_PROGRESS"));

        scenario.push("2.0", "healthy");
        DescribeExecutionResponse done = scenario.runToEnd();

        Invariants.check(scenario, failed("Greenlight.InsufficientEvidence"));
        assertThat(Duration.between(done.startDate(), done.stopDate())).isLessThan(Duration.ofHours(3));
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }
}
