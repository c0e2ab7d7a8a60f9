package dev.greenlight.workers.deploy;

import dev.greenlight.workers.core.InvalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoutingType;

class StartDeploymentTest {

    private final Canaries stage = new Canaries().withUsers(Duration.ofMinutes(30));

    @AfterEach
    void close() {
        stage.close();
    }

    @Test
    void startsACanaryOfTheServicesPercentAndMinutes_withTheSmokeHookBeforeTraffic() {
        String taskDefinition = stage.release("2.0", "healthy");

        StartDeployment.Output out = stage.startDeployment()
                .apply(new StartDeployment.Input(taskDefinition, stage.config));

        assertThat(out.startedAt()).isEqualTo(stage.clock.now().toString());
        assertThat(out.deploymentConfigName()).isEqualTo("Greenlight.Canary10Percent15Minutes");
        DeploymentConfigInfo config = stage.twin.codeDeploy()
                .getDeploymentConfig(r -> r.deploymentConfigName("Greenlight.Canary10Percent15Minutes"))
                .deploymentConfigInfo();
        assertThat(config.computePlatform()).isEqualTo(ComputePlatform.ECS);
        assertThat(config.trafficRoutingConfig().type()).isEqualTo(TrafficRoutingType.TIME_BASED_CANARY);
        assertThat(config.trafficRoutingConfig().timeBasedCanary().canaryPercentage()).isEqualTo(10);
        assertThat(config.trafficRoutingConfig().timeBasedCanary().canaryInterval())
                .as("the canary share is held up to canary.maxMinutes, until the evidence is in").isEqualTo(15);

        DeploymentInfo deployment = stage.deployment(out.deploymentId());
        assertThat(deployment.deploymentConfigName()).isEqualTo("Greenlight.Canary10Percent15Minutes");
        assertThat(AppSpecs.taskDefinitionOf(deployment.revision().appSpecContent().content()))
                .contains(taskDefinition);
        assertThat(deployment.revision().appSpecContent().content())
                .contains("\"Hooks\":[{\"BeforeAllowTraffic\":\"" + Canaries.SMOKE_HOOK + "\"}]")
                .contains("\"ContainerName\":\"app\"", "\"ContainerPort\":8080");

        stage.clock.advance(Duration.ofMinutes(3));
        assertThat(stage.hookCalls).hasValue(1);
        assertThat(stage.productionWeights()).containsEntry("orders-blue", 90).containsEntry("orders-green", 10);
    }

    @Test
    void aDeploymentConfigThatAlreadyExists_isReused() {
        String first = stage.deploy("2.0", "healthy");
        stage.advanceUntil(first, Canaries::completed, Duration.ofMinutes(30));

        String second = stage.deploy("2.1", "healthy");

        assertThat(stage.deployment(second).deploymentConfigName()).isEqualTo("Greenlight.Canary10Percent15Minutes");
    }

    @Test
    void aRetryAfterCreateDeploymentWentThrough_adoptsTheDeploymentItStarted() {
        StartDeployment.Input input = new StartDeployment.Input(stage.release("2.0", "healthy"), stage.config);
        StartDeployment.Output first = stage.startDeployment().apply(input);
        stage.clock.advance(Duration.ofSeconds(30));

        StartDeployment.Output retry = stage.startDeployment().apply(input);

        assertThat(retry.deploymentId()).isEqualTo(first.deploymentId());
        assertThat(retry.startedAt()).isEqualTo(first.startedAt());
    }

    @Test
    void anotherReleaseStillDeploying_isRefusedWithCodeDeploysError() {
        stage.deploy("2.0", "healthy");

        assertThatThrownBy(() -> stage.deploy("2.1", "healthy"))
                .hasMessageContaining("already has an active Deployment");
    }

    @Test
    void withoutTheSmokeHookSetting_refusesAndSaysWhatToSet() {
        StartDeployment worker = new StartDeployment(stage.twin.codeDeploy(), " ", stage.workerClock);

        assertThatThrownBy(() -> worker.apply(new StartDeployment.Input(stage.release("2.0", "healthy"), stage.config)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("SMOKE_TEST_FUNCTION is not set");
    }

    @Test
    void badInput_isRefusedWithEveryProblemNamed() {
        ServiceConfig c = stage.config;
        ServiceConfig bad = new ServiceConfig(c.repository(), c.cluster(), c.service(), "", 0, null, c.alarms(),
                new Canary(100, 0), c.bakeMinutes(), c.approval(), c.scan(), c.requiredLabels(), c.smoke(),
                c.notifications());

        assertThatThrownBy(() -> stage.startDeployment().apply(new StartDeployment.Input(null, bad)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("taskDefinitionArn is missing")
                .hasMessageContaining("config.codeDeploy needs application and deploymentGroup")
                .hasMessageContaining("config.container is missing")
                .hasMessageContaining("config.containerPort must be a port number")
                .hasMessageContaining("config.canary needs percent from 1 to 99");
        assertThatThrownBy(() -> stage.startDeployment().apply(new StartDeployment.Input("arn:td", null)))
                .hasMessageContaining("config is missing");
    }
}
