package dev.greenlight.local.aws.ecs;

import static dev.greenlight.local.aws.ecs.EcsFixture.NETWORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.PlatformUnknownException;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

class TasksAndRollingDeploymentTest {

    private final EcsFixture fixture = new EcsFixture();

    @Test
    void runTaskProvisionsThenRunsAndStopTaskStopsIt() {
        fixture.ecs.createCluster(b -> b.clusterName("prod"));
        String definition = fixture.register("web:1");

        Task started = fixture.ecs.runTask(b -> b.cluster("prod").taskDefinition(definition)
                .networkConfiguration(NETWORK).startedBy("smoke")).tasks().get(0);
        assertThat(started.lastStatus()).isEqualTo("PROVISIONING");
        assertThat(started.group()).isEqualTo("family:web");

        fixture.advance(Duration.ofSeconds(10));
        Task running = describe(started.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.containers().get(0).networkBindings().get(0).hostPort()).isEqualTo(20000);

        Task stopped = fixture.ecs.stopTask(b -> b.cluster("prod").task(started.taskArn()).reason("done")).task();
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("done");
        assertThat(fixture.fleet.stopped).containsExactly(started.taskArn() + "/app");
        assertThatThrownBy(() -> fixture.ecs.describeTasks(b -> b.cluster("prod")))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("Tasks cannot be empty.");
    }

    @Test
    void ecsControlledServiceRollsToANewTaskDefinitionAndRetiresTheOldDeployment() {
        fixture.ecs.createCluster(b -> b.clusterName("prod"));
        String first = fixture.register("web:1");
        String second = fixture.register("web:2");
        fixture.ecs.createService(b -> b.cluster("prod").serviceName("web").taskDefinition(first).desiredCount(1)
                .networkConfiguration(NETWORK));
        fixture.advance(Duration.ofSeconds(10));

        var updated = fixture.ecs.updateService(b -> b.cluster("prod").service("web").taskDefinition(second))
                .service();
        assertThat(updated.deployments()).extracting(Deployment::status).containsExactlyInAnyOrder("PRIMARY", "ACTIVE");

        fixture.advance(Duration.ofSeconds(10));
        var service = fixture.service();
        assertThat(service.taskSets()).isEmpty();
        assertThat(service.deployments()).singleElement().satisfies(deployment -> {
            assertThat(deployment.taskDefinition()).isEqualTo(second);
            assertThat(deployment.rolloutState()).isEqualTo(DeploymentRolloutState.COMPLETED);
            assertThat(deployment.runningCount()).isEqualTo(1);
        });
        assertThat(service.runningCount()).isEqualTo(1);
    }

    /** CloudFormation's CDK template gives only the percentages: no Strategy is a rolling service. */
    @Test
    void deploymentConfigurationWithoutAStrategyIsARollingService() {
        fixture.ecs.createCluster(b -> b.clusterName("prod"));
        fixture.ecs.createService(b -> b.cluster("prod").serviceName("web").taskDefinition(fixture.register("web:1"))
                .desiredCount(1).networkConfiguration(NETWORK)
                .deploymentConfiguration(c -> c.maximumPercent(200).minimumHealthyPercent(50)));
        fixture.advance(Duration.ofSeconds(10));

        assertThat(fixture.service().runningCount()).isEqualTo(1);
    }

    @Test
    void ecsControlledServiceRefusesAnUnknownPlatformVersionAndKeepsItsDeployment() {
        fixture.ecs.createCluster(b -> b.clusterName("prod"));
        fixture.ecs.createService(b -> b.cluster("prod").serviceName("web").taskDefinition(fixture.register("web:1"))
                .desiredCount(1).networkConfiguration(NETWORK));

        assertThatThrownBy(() -> fixture.ecs.updateService(b -> b.cluster("prod").service("web")
                .platformVersion("9.9.9"))).isInstanceOf(PlatformUnknownException.class);
        fixture.ecs.updateService(b -> b.cluster("prod").service("web").forceNewDeployment(true));

        assertThat(fixture.service().deployments()).hasSize(2);
        assertThat(fixture.service().platformVersion()).isEqualTo("LATEST");
    }

    private Task describe(String arn) {
        return fixture.ecs.describeTasks(b -> b.cluster("prod").tasks(arn)).tasks().get(0);
    }
}
