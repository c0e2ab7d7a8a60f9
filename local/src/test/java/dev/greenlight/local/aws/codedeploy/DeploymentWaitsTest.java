package dev.greenlight.local.aws.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIsNotInReadyStateException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.DeploymentWaitType;
import software.amazon.awssdk.services.codedeploy.model.ErrorCode;
import software.amazon.awssdk.services.codedeploy.model.InstanceAction;
import software.amazon.awssdk.services.codedeploy.model.TargetStatus;

/** The Ready wait before production traffic and the termination wait before blue is removed. */
class DeploymentWaitsTest {

    private final CodeDeployFixture fixture = new CodeDeployFixture();

    @Test
    void continueDeploymentTerminationWait_removesBlueAtOnce() {
        fixture.group(g -> g.deploymentConfigName("CodeDeployDefault.ECSAllAtOnce")
                .blueGreenDeploymentConfiguration(bg -> bg.terminateBlueInstancesOnDeploymentSuccess(t -> t
                        .action(InstanceAction.TERMINATE).terminationWaitTimeInMinutes(60))));
        String id = fixture.deploy(CodeDeployFixture.appSpec());
        fixture.runFor(Duration.ofMinutes(1));
        assertThat(fixture.info(id).instanceTerminationWaitTimeStarted()).isTrue();
        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);

        fixture.client.continueDeployment(b -> b.deploymentId(id).deploymentWaitType(DeploymentWaitType.TERMINATION_WAIT));

        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(fixture.rerouting.deletedTaskSets).containsExactly("ts-blue");
        assertThatThrownBy(() -> fixture.client.continueDeployment(b -> b.deploymentId(id)
                .deploymentWaitType(DeploymentWaitType.TERMINATION_WAIT)))
                .isInstanceOf(DeploymentAlreadyCompletedException.class);
    }

    @Test
    void terminationWaitRunsOutOnTheClockWithoutContinue() {
        fixture.group(g -> g.deploymentConfigName("CodeDeployDefault.ECSAllAtOnce"));
        String id = fixture.deploy(CodeDeployFixture.appSpec());

        fixture.runFor(Duration.ofMinutes(4));
        assertThat(fixture.rerouting.deletedTaskSets).isEmpty();
        fixture.runFor(Duration.ofMinutes(1));

        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(fixture.rerouting.deletedTaskSets).containsExactly("ts-blue");
    }

    @Test
    void keepAlive_succeedsWithoutRemovingBlue() {
        fixture.group(g -> g.deploymentConfigName("CodeDeployDefault.ECSAllAtOnce")
                .blueGreenDeploymentConfiguration(bg -> bg.terminateBlueInstancesOnDeploymentSuccess(t -> t
                        .action(InstanceAction.KEEP_ALIVE))));
        String id = fixture.deploy(CodeDeployFixture.appSpec());

        fixture.runFor(Duration.ofSeconds(1));

        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(fixture.rerouting.deletedTaskSets).isEmpty();
    }

    @Test
    void stopDeploymentReadyOption_waitsInReadyUntilContinueDeployment() {
        fixture.group(g -> g.deploymentConfigName("CodeDeployDefault.ECSAllAtOnce")
                .blueGreenDeploymentConfiguration(bg -> bg.deploymentReadyOption(r -> r
                        .actionOnTimeout(DeploymentReadyAction.STOP_DEPLOYMENT).waitTimeInMinutes(30))));
        String id = fixture.deploy(CodeDeployFixture.appSpec());
        assertThatThrownBy(() -> fixture.client.continueDeployment(b -> b.deploymentId(id)))
                .isInstanceOf(DeploymentIsNotInReadyStateException.class);

        fixture.runFor(Duration.ofMinutes(20));
        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.READY);
        assertThat(fixture.info(id).deploymentOverview().ready()).isEqualTo(1);
        assertThat(fixture.target(id).status()).isEqualTo(TargetStatus.READY);
        assertThat(fixture.rerouting.productionWeights).isEmpty();
        assertThat(fixture.rerouting.testListenerTarget).containsValue("tg-green");

        fixture.client.continueDeployment(b -> b.deploymentId(id).deploymentWaitType(DeploymentWaitType.READY_WAIT));
        fixture.runFor(Duration.ofSeconds(1));

        assertThat(fixture.rerouting.greenPercent()).isEqualTo(100);
        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(fixture.rerouting.deletedTaskSets).as("no termination wait configured").containsExactly("ts-blue");
    }

    @Test
    void readyWaitThatRunsOut_stopsTheDeployment() {
        fixture.group(g -> g.blueGreenDeploymentConfiguration(bg -> bg.deploymentReadyOption(r -> r
                .actionOnTimeout(DeploymentReadyAction.STOP_DEPLOYMENT).waitTimeInMinutes(30))));
        String id = fixture.deploy(CodeDeployFixture.appSpec());

        fixture.runFor(Duration.ofMinutes(30).plusSeconds(1));

        assertThat(fixture.info(id).status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(fixture.info(id).errorInformation().code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(fixture.rerouting.productionWeights).extracting(ProductionWeights::replacementPercent)
                .containsExactly(0);
    }
}
