package dev.greenlight.workers.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.workers.deploy.AppSpecs;
import dev.greenlight.workers.deploy.Canaries;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

class RollbackTest {

    private final Canaries stage = new Canaries().withUsers(Duration.ofMinutes(60));
    private final Rollback rollback = new Rollback(stage.twin.codeDeploy());
    private final String previous = stage.runningTaskDefinition();

    @AfterEach
    void close() {
        stage.close();
    }

    @Test
    void aDeploymentStillOnItsCanary_isStoppedAndCodeDeployPutsAllTrafficBackOnBlue() {
        String id = stage.deploy("2.0", "healthy");
        stage.clock.advance(Duration.ofMinutes(2));
        assertThat(stage.productionWeights()).containsEntry("orders-green", 10);

        Rollback.Output out = rollback.apply(input(id));

        assertThat(out.action()).isEqualTo(RollbackAction.STOPPED);
        DeploymentInfo stopped = stage.deployment(id);
        assertThat(stopped.status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(stopped.errorInformation().codeAsString()).isEqualTo("MANUAL_STOP");
        assertThat(out.rollbackDeploymentId()).isNotBlank()
                .isEqualTo(stopped.rollbackInfo().rollbackDeploymentId());
        stage.clock.advance(Duration.ofSeconds(30));
        assertThat(stage.productionWeights()).containsEntry("orders-blue", 100);
        assertThat(stage.runningTaskDefinition()).isEqualTo(previous);
    }

    @Test
    void aDeploymentThatSucceeded_isUndoneByRedeployingThePreviousTaskDefinition() {
        String id = stage.deploy("2.0", "healthy");
        stage.advanceUntil(id, Canaries::completed, Duration.ofMinutes(30));
        assertThat(stage.runningTaskDefinition()).isNotEqualTo(previous);

        Rollback.Output out = rollback.apply(input(id));

        assertThat(out.action()).isEqualTo(RollbackAction.REDEPLOYED);
        assertThat(out.deploymentStatus()).isEqualTo("Succeeded");
        DeploymentInfo redeploy = stage.advanceUntil(out.rollbackDeploymentId(), Canaries::completed,
                Duration.ofMinutes(30));
        assertThat(redeploy.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(redeploy.deploymentConfigName()).isEqualTo("CodeDeployDefault.ECSAllAtOnce");
        assertThat(redeploy.description()).contains(id).contains("canary alarm");
        assertThat(redeploy.revision().appSpecContent().content()).doesNotContain("Hooks");
        assertThat(AppSpecs.taskDefinitionOf(redeploy.revision().appSpecContent().content())).contains(previous);
        assertThat(stage.runningTaskDefinition()).isEqualTo(previous);
    }

    @Test
    void aRetriedRedeploy_adoptsTheRedeployTheFirstAttemptStarted() {
        String id = stage.deploy("2.0", "healthy");
        stage.advanceUntil(id, Canaries::completed, Duration.ofMinutes(30));

        Rollback.Output first = rollback.apply(input(id));
        stage.clock.advance(Duration.ofSeconds(20));
        Rollback.Output retry = rollback.apply(input(id));

        assertThat(retry.action()).isEqualTo(RollbackAction.REDEPLOYED);
        assertThat(retry.rollbackDeploymentId()).isEqualTo(first.rollbackDeploymentId());
    }

    @Test
    void aDeploymentCodeDeployAlreadyRolledBackOnAnAlarm_needsNothing() {
        String id = stage.deploy("3.0", "errors:0.5");
        DeploymentInfo stopped = stage.advanceUntil(id, Canaries::completed, Duration.ofMinutes(30));
        assertThat(stopped.errorInformation().codeAsString()).isEqualTo("ALARM_ACTIVE");

        Rollback.Output out = rollback.apply(input(id));

        assertThat(out.action()).isEqualTo(RollbackAction.NOTHING_TO_DO);
        assertThat(out.rollbackDeploymentId()).isEqualTo(stopped.rollbackInfo().rollbackDeploymentId());
        assertThat(out.message()).contains("already rolled it back");
        assertThat(stage.twin.codeDeploy().listDeployments(r -> r.applicationName("orders")
                .deploymentGroupName(stage.orders.deploymentGroup())).deployments())
                .as("no deployment started").hasSize(2);
    }

    @Test
    void aDeploymentStoppedWithoutRollback_isUndoneByRedeploying() {
        String id = stage.deploy("2.0", "healthy");
        stage.clock.advance(Duration.ofMinutes(2));
        stage.twin.codeDeploy().stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(false));

        Rollback.Output out = rollback.apply(input(id));

        assertThat(out.action()).isEqualTo(RollbackAction.REDEPLOYED);
        assertThat(out.message()).contains("without a rollback");
        assertThat(stage.advanceUntil(out.rollbackDeploymentId(), Canaries::completed, Duration.ofMinutes(30))
                .status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(stage.runningTaskDefinition()).isEqualTo(previous);
    }

    @Test
    void whenNoDeploymentWasStarted_thereIsNothingToDo() {
        Rollback.Output out = rollback.apply(new Rollback.Input(null, previous, stage.config, "StartDeployment failed"));

        assertThat(out.action()).isEqualTo(RollbackAction.NOTHING_TO_DO);
        assertThat(out.rollbackDeploymentId()).isNull();
    }

    @Test
    void aSucceededDeploymentWithoutThePreviousTaskDefinition_cannotBeRolledBackAndSaysWhatToDo() {
        String id = stage.deploy("2.0", "healthy");
        stage.advanceUntil(id, Canaries::completed, Duration.ofMinutes(30));

        assertThatThrownBy(() -> rollback.apply(new Rollback.Input(id, null, stage.config, "bake alarm")))
                .isInstanceOf(CannotRollBack.class)
                .hasMessageContaining("succeeded, so blue is gone")
                .hasMessageContaining("pass RegisterTaskDefinition's previousTaskDefinitionArn");
    }

    private Rollback.Input input(String deploymentId) {
        return new Rollback.Input(deploymentId, previous, stage.config, "canary alarm orders-green-5xx");
    }
}
