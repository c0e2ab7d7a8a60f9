package dev.greenlight.local.aws.ecs;

import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/** A twin on a virtual clock with a fake fleet, and the requests Greenlight's workers send. */
final class EcsFixture {

    static final String BLUE_TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1";
    static final String GREEN_TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/2";
    static final NetworkConfiguration NETWORK = NetworkConfiguration.builder()
            .awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-1").securityGroups("sg-1").build())
            .build();

    final VirtualClock clock = new VirtualClock();
    final FakeFleet fleet = new FakeFleet();
    final EcsTwin twin = new EcsTwin(clock, fleet, fleet);
    final EcsClient ecs = twin;
    final EcsClient codeDeploy = twin.asCodeDeploy();

    static RegisterTaskDefinitionRequest.Builder webDefinition(String image) {
        return RegisterTaskDefinitionRequest.builder()
                .family("web")
                .requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC)
                .cpu("256")
                .memory("512")
                .executionRoleArn("arn:aws:iam::123456789012:role/exec")
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image(image)
                        .essential(true)
                        .portMappings(PortMapping.builder().containerPort(8080).build())
                        .build());
    }

    String register(String image) {
        return ecs.registerTaskDefinition(webDefinition(image).build()).taskDefinition().taskDefinitionArn();
    }

    Service createCodeDeployService(String taskDefinition, int desiredCount) {
        ecs.createCluster(b -> b.clusterName("prod"));
        return ecs.createService(b -> b.cluster("prod").serviceName("web").taskDefinition(taskDefinition)
                .desiredCount(desiredCount).launchType(LaunchType.FARGATE)
                .deploymentController(c -> c.type(DeploymentControllerType.CODE_DEPLOY))
                .networkConfiguration(NETWORK)
                .loadBalancers(loadBalancer(BLUE_TG))).service();
    }

    static LoadBalancer loadBalancer(String targetGroup) {
        return LoadBalancer.builder().targetGroupArn(targetGroup).containerName("app").containerPort(8080).build();
    }

    Service service() {
        return ecs.describeServices(b -> b.cluster("prod").services("web")).services().get(0);
    }

    TaskSet taskSet(String id) {
        return ecs.describeTaskSets(b -> b.cluster("prod").service("web").taskSets(id)).taskSets().get(0);
    }

    void advance(Duration by) {
        clock.advance(by);
    }
}
