package dev.greenlight.local.aws.ecs;

import static dev.greenlight.local.aws.ecs.EcsFixture.NETWORK;
import static dev.greenlight.local.aws.ecs.TaskDefinitionRegistrationTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.PlatformTaskDefinitionIncompatibilityException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.TaskSetNotFoundException;

class EcsRefusalsTest {

    private final EcsFixture fixture = new EcsFixture();
    private final String blue = fixture.register("web:1");
    private final String green = fixture.register("web:2");

    @Test
    void codeDeployServiceRefusesANewTaskDefinitionAndKeepsItsOwn() {
        fixture.createCodeDeployService(blue, 2);
        fixture.advance(Duration.ofSeconds(10));
        Service before = fixture.service();

        assertThatThrownBy(() -> fixture.ecs.updateService(b -> b.cluster("prod").service("web")
                .taskDefinition(green)))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(error -> assertCode(error, "InvalidParameterException",
                        "Unable to update task definition on services with a CODE_DEPLOY deployment controller. "
                                + "Use AWS CodeDeploy to trigger a new deployment."));

        Service after = fixture.service();
        assertThat(after.taskDefinition()).isEqualTo(blue);
        assertThat(after.taskSets()).isEqualTo(before.taskSets());
    }

    @Test
    void codeDeployServiceTakesANewDesiredCount() {
        fixture.createCodeDeployService(blue, 2);

        fixture.ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(3)
                .healthCheckGracePeriodSeconds(30));
        fixture.advance(Duration.ofSeconds(10));

        assertThat(fixture.service().taskSets().get(0).computedDesiredCount()).isEqualTo(3);
        assertThat(fixture.service().runningCount()).isEqualTo(3);
        assertThat(fixture.service().healthCheckGracePeriodSeconds()).isEqualTo(30);
    }

    @Test
    void listTasksTakesOneToAHundredResultsAPage() {
        fixture.createCodeDeployService(blue, 3);
        fixture.advance(Duration.ofSeconds(10));

        assertThatThrownBy(() -> fixture.ecs.listTasks(b -> b.cluster("prod").maxResults(0)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> fixture.ecs.listTasks(b -> b.cluster("prod").maxResults(101)))
                .isInstanceOf(InvalidParameterException.class);
        var first = fixture.ecs.listTasks(b -> b.cluster("prod").maxResults(2));
        var rest = fixture.ecs.listTasks(b -> b.cluster("prod").maxResults(2).nextToken(first.nextToken()));
        assertThat(first.taskArns()).hasSize(2);
        assertThat(rest.taskArns()).hasSize(1).doesNotContainAnyElementsOf(first.taskArns());
        assertThat(rest.nextToken()).isNull();
    }

    @Test
    void unknownClusterIsRefusedEverywhere() {
        fixture.createCodeDeployService(blue, 1);

        assertThatThrownBy(() -> fixture.ecs.createService(b -> b.cluster("nope").serviceName("web")
                .taskDefinition(blue).networkConfiguration(NETWORK)))
                .isInstanceOf(ClusterNotFoundException.class)
                .satisfies(error -> assertCode(error, "ClusterNotFoundException", "Cluster not found."));
        assertThatThrownBy(() -> fixture.ecs.describeServices(b -> b.cluster("nope").services("web")))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThatThrownBy(() -> fixture.ecs.listTasks(b -> b.cluster("nope")))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThat(fixture.ecs.describeClusters(b -> b.clusters("nope")).failures().get(0).reason())
                .isEqualTo("MISSING");
    }

    @Test
    void unknownServiceIsRefusedOrReportedMissing() {
        fixture.createCodeDeployService(blue, 1);

        assertThatThrownBy(() -> fixture.ecs.updateService(b -> b.cluster("prod").service("nope").desiredCount(1)))
                .isInstanceOf(ServiceNotFoundException.class)
                .satisfies(error -> assertCode(error, "ServiceNotFoundException", "Service not found."));
        var described = fixture.ecs.describeServices(b -> b.cluster("prod").services("web", "nope"));
        assertThat(described.services()).hasSize(1);
        assertThat(described.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/prod/nope");
            assertThat(failure.reason()).isEqualTo("MISSING");
        });
    }

    @Test
    void unknownTaskDefinitionCreatesNoService() {
        fixture.ecs.createCluster(b -> b.clusterName("prod"));

        assertThatThrownBy(() -> fixture.ecs.createService(b -> b.cluster("prod").serviceName("web")
                .taskDefinition("nope:1").networkConfiguration(NETWORK)))
                .isInstanceOf(ClientException.class)
                .satisfies(error -> assertCode(error, "ClientException", "Unable to describe task definition."));

        assertThat(fixture.ecs.describeServices(b -> b.cluster("prod").services("web")).failures()).hasSize(1);
        assertThat(fixture.ecs.describeClusters(b -> b.clusters("prod")).clusters().get(0).activeServicesCount())
                .isZero();
    }

    @Test
    void deletedServiceIsNotActiveAndItsTasksStop() {
        fixture.createCodeDeployService(blue, 2);
        fixture.advance(Duration.ofSeconds(10));

        assertThatThrownBy(() -> fixture.ecs.deleteService(b -> b.cluster("prod").service("web")))
                .isInstanceOf(InvalidParameterException.class);
        Service deleted = fixture.ecs.deleteService(b -> b.cluster("prod").service("web").force(true)).service();

        assertThat(deleted.status()).isEqualTo("DRAINING");
        assertThat(fixture.service().status()).isEqualTo("INACTIVE");
        assertThat(fixture.ecs.listTasks(b -> b.cluster("prod")).taskArns()).isEmpty();
        assertThatThrownBy(() -> fixture.ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(1)))
                .isInstanceOf(ServiceNotActiveException.class);
    }

    @Test
    void unknownTaskSetIsRefused() {
        fixture.createCodeDeployService(blue, 1);

        assertThatThrownBy(() -> fixture.codeDeploy.updateTaskSet(b -> b.cluster("prod").service("web")
                .taskSet("ecs-svc/1234567890123456789").scale(s -> s.value(50.0))))
                .isInstanceOf(TaskSetNotFoundException.class);
    }

    @Test
    void clusterWithServicesCannotBeDeleted() {
        fixture.createCodeDeployService(blue, 1);

        assertThatThrownBy(() -> fixture.ecs.deleteCluster(b -> b.cluster("prod")))
                .isInstanceOf(ClusterContainsServicesException.class);
        assertThat(fixture.ecs.describeClusters(b -> b.clusters("prod")).clusters().get(0).status())
                .isEqualTo("ACTIVE");
    }

    @Test
    void armTaskOnOldPlatformVersionIsIncompatible() {
        String arm = fixture.ecs.registerTaskDefinition(EcsFixture.webDefinition("web:arm")
                .runtimePlatform(p -> p.cpuArchitecture(CPUArchitecture.ARM64)).build()).taskDefinition()
                .taskDefinitionArn();
        fixture.ecs.createCluster(b -> b.clusterName("prod"));

        assertThatThrownBy(() -> fixture.ecs.runTask(b -> b.cluster("prod").taskDefinition(arm)
                .platformVersion("1.3.0").networkConfiguration(NETWORK)))
                .isInstanceOf(PlatformTaskDefinitionIncompatibilityException.class);
        assertThatThrownBy(() -> fixture.ecs.runTask(b -> b.cluster("prod").taskDefinition(arm)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Network Configuration must be provided when networkMode 'awsvpc' is "
                        + "specified.");
        assertThat(fixture.ecs.listTasks(b -> b.cluster("prod")).taskArns()).isEmpty();
    }

    @Test
    void inactiveTaskDefinitionStartsNothing() {
        fixture.ecs.createCluster(b -> b.clusterName("prod"));
        fixture.ecs.deregisterTaskDefinition(b -> b.taskDefinition(blue));

        assertThatThrownBy(() -> fixture.ecs.runTask(b -> b.cluster("prod").taskDefinition(blue)
                .networkConfiguration(NETWORK)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("TaskDefinition is inactive");
    }
}
