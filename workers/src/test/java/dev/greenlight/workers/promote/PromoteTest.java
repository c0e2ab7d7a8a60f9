package dev.greenlight.workers.promote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.workers.deploy.Canaries;
import dev.greenlight.workers.core.InvalidInput;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.InstanceAction;

class PromoteTest {

    private final Canaries stage = new Canaries().withUsers(Duration.ofMinutes(40));
    private final Promote promote = new Promote(stage.twin.codeDeploy(), stage.workerClock);

    @AfterEach
    void close() {
        stage.close();
    }

    @Test
    void allTrafficOnGreenWithBlueKept_endsTheTerminationWaitAndTheDeploymentSucceedsNow() {
        String id = stage.deploy("2.0", "healthy");
        stage.advanceUntil(id, Canaries::inTerminationWait, Duration.ofMinutes(20));

        Promote.Output out = promote.apply(new Promote.Input(id));

        assertThat(out.continued()).isEqualTo("TERMINATION_WAIT");
        assertThat(out.promotedAt()).isEqualTo(stage.clock.now().toString());
        DeploymentInfo done = stage.deployment(id);
        assertThat(done.status()).as("blue removed without waiting out the termination wait")
                .isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(stage.productionWeights()).containsEntry("orders-green", 100);
    }

    @Test
    void aDeploymentThatAlreadySucceeded_isAlreadyPromoted() {
        String id = stage.deploy("2.0", "healthy");
        stage.advanceUntil(id, Canaries::completed, Duration.ofMinutes(30));

        Promote.Output out = promote.apply(new Promote.Input(id));

        assertThat(out.continued()).isNull();
        assertThat(out.promotedAt()).isEqualTo(stage.clock.now().toString());
    }

    @Test
    void aDeploymentStillOnItsCanary_isNotPromoted() {
        String id = stage.deploy("2.0", "healthy");
        stage.clock.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> promote.apply(new Promote.Input(id))).isInstanceOf(NotReadyToPromote.class)
                .hasMessageContaining(id).hasMessageContaining("readyToPromote");
        assertThat(stage.deployment(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(stage.productionWeights()).containsEntry("orders-green", 10);
    }

    @Test
    void aDeploymentCodeDeployStoppedOnAnAlarm_cannotBePromoted() {
        String id = stage.deploy("3.0", "errors:0.5");
        stage.advanceUntil(id, Canaries::completed, Duration.ofMinutes(30));

        assertThatThrownBy(() -> promote.apply(new Promote.Input(id))).isInstanceOf(DeploymentEnded.class)
                .hasMessageContaining("ended Stopped (ALARM_ACTIVE");
    }

    @Test
    void aDeploymentHeldBeforeProductionTraffic_isLetOn() {
        stage.twin.codeDeploy().updateDeploymentGroup(r -> r.applicationName("orders")
                .currentDeploymentGroupName(stage.orders.deploymentGroup())
                .blueGreenDeploymentConfiguration(bg -> bg
                        .terminateBlueInstancesOnDeploymentSuccess(t -> t.action(InstanceAction.TERMINATE)
                                .terminationWaitTimeInMinutes(5))
                        .deploymentReadyOption(ready -> ready.actionOnTimeout(DeploymentReadyAction.STOP_DEPLOYMENT)
                                .waitTimeInMinutes(60))));
        String id = stage.deploy("2.0", "healthy");
        stage.advanceUntil(id, info -> info.status() == DeploymentStatus.READY, Duration.ofMinutes(10));

        Promote.Output out = promote.apply(new Promote.Input(id));
        stage.clock.advance(Duration.ofMinutes(1));

        assertThat(out.continued()).isEqualTo("READY_WAIT");
        assertThat(stage.deployment(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
        assertThat(stage.productionWeights()).containsEntry("orders-green", 10);
    }

    @Test
    void withoutADeploymentId_refusesAndSaysWhatToPass() {
        assertThatThrownBy(() -> promote.apply(new Promote.Input(" "))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("deploymentId is missing: pass StartDeployment's deploymentId");
    }
}
