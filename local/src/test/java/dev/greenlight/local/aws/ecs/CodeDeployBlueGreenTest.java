package dev.greenlight.local.aws.ecs;

import static dev.greenlight.local.aws.ecs.EcsFixture.BLUE_TG;
import static dev.greenlight.local.aws.ecs.EcsFixture.GREEN_TG;
import static dev.greenlight.local.aws.ecs.EcsFixture.NETWORK;
import static dev.greenlight.local.aws.ecs.EcsFixture.loadBalancer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.StabilityStatus;
import software.amazon.awssdk.services.ecs.model.TaskSet;

class CodeDeployBlueGreenTest {

    private final EcsFixture fixture = new EcsFixture();
    private final String blueDefinition = fixture.register("web:1");
    private final String greenDefinition = fixture.register("web:2");

    @Test
    void codeDeployServiceStartsWithOnePrimaryTaskSet() {
        Service created = fixture.createCodeDeployService(blueDefinition, 2);

        assertThat(created.deployments()).isEmpty();
        assertThat(created.taskSets()).singleElement().satisfies(set -> {
            assertThat(set.status()).isEqualTo("PRIMARY");
            assertThat(set.scale().value()).isEqualTo(100.0);
            assertThat(set.scale().unit()).isEqualTo(ScaleUnit.PERCENT);
            assertThat(set.computedDesiredCount()).isEqualTo(2);
            assertThat(set.pendingCount()).isEqualTo(2);
            assertThat(set.stabilityStatus()).isEqualTo(StabilityStatus.STABILIZING);
            assertThat(set.id()).matches("ecs-svc/\\d{19}");
        });
        assertThat(created.pendingCount()).isEqualTo(2);
    }

    @Test
    void primaryTaskSetReachesSteadyStateWithTasksRegisteredInItsTargetGroup() {
        fixture.createCodeDeployService(blueDefinition, 2);

        fixture.advance(Duration.ofSeconds(10));

        Service service = fixture.service();
        assertThat(service.runningCount()).isEqualTo(2);
        assertThat(service.pendingCount()).isZero();
        assertThat(service.taskSets().get(0).stabilityStatus()).isEqualTo(StabilityStatus.STEADY_STATE);
        assertThat(service.events().get(0).message()).isEqualTo("(service web) has reached a steady state.");
        assertThat(fixture.fleet.registeredIn(BLUE_TG)).isEqualTo(2);
        assertThat(fixture.fleet.started).extracting(TaskLauncher.ContainerLaunch::image).containsOnly("web:1");
    }

    @Test
    void greenTaskSetIsCreatedScaledMadePrimaryAndBlueIsDeleted() {
        fixture.createCodeDeployService(blueDefinition, 2);
        fixture.advance(Duration.ofSeconds(10));
        String blue = fixture.service().taskSets().get(0).id();

        TaskSet green = fixture.codeDeploy.createTaskSet(b -> b.cluster("prod").service("web")
                .taskDefinition(greenDefinition).networkConfiguration(NETWORK).loadBalancers(loadBalancer(GREEN_TG))
                .scale(s -> s.value(0.0).unit(ScaleUnit.PERCENT)).externalId("d-ABC123")).taskSet();
        assertThat(green.status()).isEqualTo("ACTIVE");
        assertThat(green.computedDesiredCount()).isZero();
        assertThat(green.startedBy()).isEqualTo("CodeDeploy");

        fixture.codeDeploy.updateTaskSet(b -> b.cluster("prod").service("web").taskSet(green.taskSetArn())
                .scale(s -> s.value(100.0).unit(ScaleUnit.PERCENT)));
        assertThat(fixture.taskSet(green.id()).stabilityStatus()).isEqualTo(StabilityStatus.STABILIZING);
        fixture.advance(Duration.ofSeconds(10));
        assertThat(fixture.taskSet(green.id()).runningCount()).isEqualTo(2);
        assertThat(fixture.taskSet(green.id()).stabilityStatus()).isEqualTo(StabilityStatus.STEADY_STATE);
        assertThat(fixture.fleet.registeredIn(GREEN_TG)).isEqualTo(2);

        fixture.codeDeploy.updateServicePrimaryTaskSet(b -> b.cluster("prod").service("web")
                .primaryTaskSet(green.id()));
        assertThat(fixture.taskSet(green.id()).status()).isEqualTo("PRIMARY");
        assertThat(fixture.taskSet(blue).status()).isEqualTo("ACTIVE");
        assertThat(fixture.service().taskDefinition()).isEqualTo(greenDefinition);

        assertThatThrownBy(() -> fixture.codeDeploy.deleteTaskSet(b -> b.cluster("prod").service("web")
                .taskSet(blue))).isInstanceOf(InvalidParameterException.class);
        TaskSet deleted = fixture.codeDeploy.deleteTaskSet(b -> b.cluster("prod").service("web").taskSet(blue)
                .force(true)).taskSet();

        assertThat(deleted.status()).isEqualTo("DRAINING");
        assertThat(fixture.service().taskSets()).extracting(TaskSet::id).containsExactly(green.id());
        assertThat(fixture.service().runningCount()).isEqualTo(2);
        assertThat(fixture.fleet.registeredIn(BLUE_TG)).isZero();
        assertThat(fixture.fleet.stopped).hasSize(2);
    }

    @Test
    void accountCallersCannotManageTheTaskSetsOfACodeDeployService() {
        fixture.createCodeDeployService(blueDefinition, 1);

        assertThatThrownBy(() -> fixture.ecs.createTaskSet(b -> b.cluster("prod").service("web")
                .taskDefinition(greenDefinition).networkConfiguration(NETWORK)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Amazon ECS only supports task set management on services configured to use "
                        + "external deployment controllers.");
        assertThat(fixture.service().taskSets()).hasSize(1);
    }
}
