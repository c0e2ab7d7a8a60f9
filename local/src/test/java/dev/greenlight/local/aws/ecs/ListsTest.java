package dev.greenlight.local.aws.ecs;

import static dev.greenlight.local.aws.ecs.EcsFixture.webDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;

/** The List reads people run, paged with nextToken and maxResults as the ECS API reference documents. */
class ListsTest {

    private final EcsFixture fixture = new EcsFixture();
    private final EcsClient ecs = fixture.ecs;

    @Test
    void listClustersShowsActiveClustersOnly() {
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.createCluster(b -> b.clusterName("old"));
        ecs.deleteCluster(b -> b.cluster("old"));

        assertThat(ecs.listClusters(b -> { }).clusterArns())
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
    }

    @Test
    void listServicesPagesTenAtATimeByDefault() {
        String definition = fixture.register("web:1");
        ecs.createCluster(b -> b.clusterName("prod"));
        for (int i = 0; i < 12; i++) {
            String name = "svc-" + i;
            ecs.createService(b -> b.cluster("prod").serviceName(name).taskDefinition(definition).desiredCount(0)
                    .launchType(LaunchType.FARGATE).networkConfiguration(EcsFixture.NETWORK)
                    .deploymentController(c -> c.type(DeploymentControllerType.ECS)));
        }

        ListServicesResponse first = ecs.listServices(b -> b.cluster("prod"));
        ListServicesResponse rest = ecs.listServices(b -> b.cluster("prod").nextToken(first.nextToken()));

        assertThat(first.serviceArns()).hasSize(10);
        assertThat(first.nextToken()).isNotNull();
        assertThat(rest.serviceArns()).hasSize(2).last().asString().endsWith("service/prod/svc-11");
        assertThat(rest.nextToken()).isNull();
        assertThat(ecs.listServices(b -> b.cluster("prod").maxResults(100)).serviceArns()).hasSize(12);
        assertThatThrownBy(() -> ecs.listServices(b -> b.cluster("nowhere")))
                .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void maxResultsOutsideOneToAHundredAndForeignTokensAreInvalidParameters() {
        ecs.createCluster(b -> b.clusterName("prod"));

        assertThatThrownBy(() -> ecs.listClusters(b -> b.maxResults(0))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.listClusters(b -> b.maxResults(101))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.listTaskDefinitions(b -> b.nextToken("not-a-token")))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException"));
    }

    @Test
    void familiesAreActiveWhileARevisionIsActive() {
        ecs.registerTaskDefinition(webDefinition("web:1").build());
        ecs.registerTaskDefinition(webDefinition("api:1").family("api").build());
        ecs.deregisterTaskDefinition(b -> b.taskDefinition("api:1"));

        assertThat(ecs.listTaskDefinitionFamilies(b -> { }).families()).containsExactly("api", "web");
        assertThat(ecs.listTaskDefinitionFamilies(b -> b.status(TaskDefinitionFamilyStatus.ACTIVE)).families())
                .containsExactly("web");
        assertThat(ecs.listTaskDefinitionFamilies(b -> b.status(TaskDefinitionFamilyStatus.INACTIVE)).families())
                .containsExactly("api");
        assertThat(ecs.listTaskDefinitionFamilies(b -> b.familyPrefix("w")).families()).containsExactly("web");
    }

    @Test
    void everyPageTogetherIsTheWholeList() {
        for (int i = 0; i < 5; i++) {
            ecs.registerTaskDefinition(webDefinition("web:" + i).build());
        }
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            var page = ecs.listTaskDefinitions(b -> b.maxResults(2).nextToken(from));
            all.addAll(page.taskDefinitionArns());
            token = page.nextToken();
        } while (token != null);

        assertThat(all).hasSize(5).doesNotHaveDuplicates();
    }
}
