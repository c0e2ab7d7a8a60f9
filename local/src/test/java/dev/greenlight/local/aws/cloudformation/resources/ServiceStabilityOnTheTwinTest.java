package dev.greenlight.local.aws.cloudformation.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * An AWS::ECS::Service on the whole twin, in virtual time: CloudFormation reports it complete only
 * once its tasks run; the circuit breaker fails a service whose image cannot be pulled and the
 * stack rolls back; without a breaker the stack waits for hours until the user deletes it.
 */
class ServiceStabilityOnTheTwinTest {

    private static final String RUNS = "public.ecr.aws/docker/library/nginx:stable";
    private static final String CANNOT_PULL = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:missing";
    private static final String BREAKER_REASON = "Resource handler returned message: \"Error occurred during "
            + "operation 'ECS Deployment Circuit Breaker was triggered'.\"";

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final CloudFormationClient cloudFormation = twin.cloudFormation();

    /** Outside the stack, so that the service can still be described after the stack is gone. */
    @BeforeEach
    void cluster() {
        twin.ecs().createCluster(r -> r.clusterName("apps"));
    }

    @AfterEach
    void close() {
        twin.close();
    }

    private static String template(String image, String breaker) {
        return """
                Resources:
                  Task:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      Family: orders
                      RequiresCompatibilities: [FARGATE]
                      NetworkMode: awsvpc
                      Cpu: '256'
                      Memory: '512'
                      ContainerDefinitions:
                        - {Name: app, Image: '%s', Essential: true, PortMappings: [{ContainerPort: 8080}]}
                  Service:
                    Type: AWS::ECS::Service
                    Properties:
                      ServiceName: orders
                      Cluster: apps
                      TaskDefinition: !Ref Task
                      DesiredCount: 2
                      LaunchType: FARGATE
                      NetworkConfiguration:
                        AwsvpcConfiguration: {Subnets: [subnet-1], AssignPublicIp: ENABLED}
                      DeploymentConfiguration: %s
                """.formatted(image, breaker);
    }

    @ParameterizedTest(name = "{0} with breaker {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            RUNS        | '{}'                                                      | CREATE_COMPLETE    | ACTIVE
            CANNOT_PULL | '{DeploymentCircuitBreaker: {Enable: true, Rollback: false}}' | ROLLBACK_COMPLETE | INACTIVE
            CANNOT_PULL | '{DeploymentCircuitBreaker: {Enable: true, Rollback: true}}'  | ROLLBACK_COMPLETE | INACTIVE
            CANNOT_PULL | '{}'                                                      | CREATE_IN_PROGRESS | ACTIVE
            """)
    void aServiceIsCompleteOnlyOnceItsTasksRun(String image, String breaker, String stackStatus, String serviceStatus) {
        cloudFormation.createStack(r -> r.stackName("app").templateBody(template(image.equals("RUNS") ? RUNS
                : CANNOT_PULL, breaker)));
        clock.runUntil(() -> events().contains("Service CREATE_IN_PROGRESS Resource creation Initiated"));

        assertThat(status()).isEqualTo("CREATE_IN_PROGRESS");
        assertThat(service().runningCount()).as("tasks running when CreateService returned").isZero();
        assertThat(events()).endsWith("Service CREATE_IN_PROGRESS Resource creation Initiated",
                "Service CREATE_IN_PROGRESS Eventual consistency check initiated");

        clock.advance(Duration.ofHours(6));

        assertThat(status()).isEqualTo(stackStatus);
        assertThat(service().status()).isEqualTo(serviceStatus);
        if (stackStatus.equals("CREATE_COMPLETE")) {
            assertThat(service().runningCount()).isEqualTo(2);
        }
        if (stackStatus.equals("ROLLBACK_COMPLETE")) {
            assertThat(events()).filteredOn(e -> e.startsWith("Service CREATE_FAILED")).singleElement()
                    .satisfies(e -> assertThat(e).contains(BREAKER_REASON).contains("HandlerErrorCode: "
                            + "GeneralServiceException"));
            assertThat(events()).containsSubsequence("app ROLLBACK_IN_PROGRESS The following resource(s) failed to "
                    + "create: [Service]. Rollback requested by user.", "Service DELETE_COMPLETE", "app ROLLBACK_COMPLETE");
            assertThat(service().events()).anySatisfy(e -> assertThat(e.message())
                    .endsWith("deployment failed: tasks failed to start."));
        }
        if (stackStatus.equals("CREATE_IN_PROGRESS")) {
            assertThat(service().deployments().get(0).failedTasks()).as("tasks kept failing for six hours")
                    .isGreaterThan(10);
            cloudFormation.deleteStack(r -> r.stackName("app"));
            clock.advance(Duration.ofMinutes(5));

            assertThat(cloudFormation.listStacks(r -> { }).stackSummaries().get(0).stackStatusAsString())
                    .isEqualTo("DELETE_COMPLETE");
            assertThat(events()).contains("Service CREATE_FAILED Resource creation cancelled");
            assertThat(service().status()).isEqualTo("INACTIVE");
        }
    }

    @Test
    void deletingTheStackWaitsUntilTheServiceHasDrained() {
        cloudFormation.createStack(r -> r.stackName("app").templateBody(template(RUNS, "{}")));
        clock.runUntil(() -> status().equals("CREATE_COMPLETE"));

        cloudFormation.deleteStack(r -> r.stackName("app"));
        clock.runUntil(() -> events().contains("Service DELETE_COMPLETE"));

        Service deleted = service();
        assertThat(deleted.status()).isEqualTo("INACTIVE");
        assertThat(deleted.runningCount() + deleted.pendingCount()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(events()).endsWith("Task DELETE_COMPLETE", "app DELETE_COMPLETE");
    }

    private Service service() {
        return twin.ecs().describeServices(r -> r.cluster("apps").services("orders")).services().get(0);
    }

    private String status() {
        return cloudFormation.listStacks(r -> { }).stackSummaries().get(0).stackStatusAsString();
    }

    /** Oldest first: logical id, status and reason. */
    private List<String> events() {
        String id = cloudFormation.listStacks(r -> { }).stackSummaries().get(0).stackId();
        List<StackEvent> oldestFirst = new ArrayList<>(cloudFormation.describeStackEvents(r -> r.stackName(id))
                .stackEvents());
        Collections.reverse(oldestFirst);
        return oldestFirst.stream()
                .map(e -> (e.logicalResourceId() + " " + e.resourceStatusAsString() + " "
                        + Optional.ofNullable(e.resourceStatusReason()).orElse("")).strip())
                .toList();
    }
}
