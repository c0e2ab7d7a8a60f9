package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.cli.aws.TwinAddress;
import dev.greenlight.cli.local.DeployedEndpoints;
import dev.greenlight.cli.rehearsal.Checkout;
import dev.greenlight.cli.rehearsal.DeployedStacks;
import dev.greenlight.cli.rehearsal.Rehearsal;
import dev.greenlight.cli.rehearsal.StackResources;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.statemachine.twin.PipelineOnTwin;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.core.Worker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.model.Capability;

/**
 * The demo's stage read from stacks CloudFormation created, in virtual time: a demo stack made of the
 * resources the CDK app's GreenlightDemo has (the ECR repository, cluster, ALB with its two listeners and
 * target groups, the Fargate service under CodeDeploy, the 5xx alarms, the deployment group and its
 * role, with the names greenlight.json gives them) is created through the CloudFormation twin, the
 * pipeline is deployed with greenlight.json and the demo's windows, and the demo's rounds with users run
 * on what {@link DemoStage#deployed} read back. The real-time test does the same with the CDK CLI.
 */
class DemoOnCloudFormationStacksTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void theStageIsReadFromTheDemoStacksResources_andTheRoundsRunOnThem() throws Exception {
        twin.cloudFormation().createStack(r -> r.stackName(Rehearsal.DEMO_STACK).templateBody(DEMO_STACK)
                .capabilities(Capability.CAPABILITY_IAM));
        awaitCreated();
        StackResources demo = StackResources.of(twin, Rehearsal.DEMO_STACK);
        ObjectNode file = (ObjectNode) Worker.JSON.readTree(Path.of("..", "greenlight.json").toFile());
        ObjectNode orders = (ObjectNode) file.path("services").path(Rehearsal.DEMO_SERVICE);
        DemoStage.deployedWindows(orders);
        // The roles PipelineOnTwin gives the workers are the CDK app's for the 5xx alarms (the real-time test
        // deploys the synthesized roles for all four).
        orders.putArray("alarms").add("orders-blue-5xx").add("orders-green-5xx");
        ((ObjectNode) orders.path("smoke")).put("testUrl", "http://127.0.0.1:"
                + twin.elb().listenerPort(demo.listener(Rehearsal.TEST_PORT)));
        GreenlightConfig config = ConfigLoader.parse(file.toString());
        String pipeline = PipelineOnTwin.deploy(twin, config, true).stateMachineArn();

        DemoStage stage = DemoStage.deployed(twin, new DeployedStacks(pipeline, config, null, null, null));

        assertThat(stage.service().cluster()).isEqualTo("greenlight");
        assertThat(stage.service().deploymentGroup()).isEqualTo("orders-dg");
        assertThat(stage.service().alarms()).containsExactlyInAnyOrder("orders-blue-5xx", "orders-green-5xx");
        assertThat(twin.elb().listenerPort(stage.service().productionListenerArn()))
                .isEqualTo(twin.elb().listenerPort(demo.listener(80)));
        assertThat(stage.auto().canary().minutes()).isEqualTo(DemoStage.DEPLOYED_CANARY_MINUTES);
        assertThat(stage.auto().bakeMinutes()).isEqualTo(DemoStage.BAKE_MINUTES);

        StringWriter written = new StringWriter();
        List<DeploymentSummary> deployments = new Demo(stage, clock::advance,
                new ProgressDisplay(new PrintWriter(written), false, Integer.MAX_VALUE)).runWithUsers();

        assertThat(deployments).as(written.toString()).extracting(DeploymentSummary::version,
                DeploymentSummary::outcome).containsExactly(tuple("2.0", Outcome.SUCCEEDED),
                        tuple("3.0", Outcome.ROLLED_BACK));
        assertThat(deployments.get(0).failedUserRequests()).isZero();
        assertThat(deployments.get(1).error()).isEqualTo("Greenlight.AlarmFired");
        assertThat(deployments.get(1).failedUserRequests()).isPositive()
                .isLessThanOrEqualTo(deployments.get(1).blastRadiusBound());
        assertThat(written.toString()).contains("canary 10 % for 3 min", "bake 1 min");
    }

    @Test
    void keptStacks_areRecordedForTheOtherCommands_asLocalUpDeployRecordsThem_andTheRecordGoesOnStop(
            @TempDir Path home, @TempDir Path logs) throws Exception {
        System.setProperty("greenlight.home", home.toString());
        try {
            twin.cloudFormation().createStack(r -> r.stackName(Rehearsal.DEMO_STACK).templateBody(DEMO_STACK)
                    .capabilities(Capability.CAPABILITY_IAM));
            awaitCreated();
            GreenlightConfig config = ConfigLoader.parse(Files.readString(Path.of("..", "greenlight.json")));
            Path root = Path.of("..").toAbsolutePath().normalize();
            Rehearsal rehearsal = new Rehearsal(twin, 4566, new Checkout(root), logs, new PrintWriter(new StringWriter()));
            Files.writeString(logs.resolve("deploy.log"), "deployed");
            DeployedStacks stacks = new DeployedStacks("arn:aws:states:us-east-1:123456789012:stateMachine:gl", config,
                    logs.resolve("greenlight.json"), logs.resolve("cdk.out"), logs);
            StringWriter written = new StringWriter();

            TwinAddress address = DeployedEndpoints.publish(twin, 4566, "http://127.0.0.1:4567/push", rehearsal, stacks,
                    new PrintWriter(written));

            TwinAddress found = TwinAddress.find().orElseThrow();
            assertThat(found.endpointUrl()).isEqualTo("http://127.0.0.1:4566");
            assertThat(found.pushUrl()).isEqualTo("http://127.0.0.1:4567/push");
            assertThat(found.stateMachineArn()).isEqualTo(stacks.stateMachineArn());
            assertThat(found.config().service(Rehearsal.DEMO_SERVICE)).isNotNull();
            assertThat(written.toString()).contains("release:     greenlight push orders 2.0",
                    "Twin address:  " + TwinAddress.file(), "Remove them:   env -u AWS_PROFILE -u AWS_SESSION_TOKEN "
                            + "AWS_ENDPOINT_URL=http://127.0.0.1:4566 AWS_ACCESS_KEY_ID=AKIDLOCAL "
                            + "AWS_SECRET_ACCESS_KEY=secret AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 "
                            + root.resolve("scripts/cdk") + " destroy --app " + logs.resolve("cdk.out")
                            + " --all --force" + System.lineSeparator());
            assertThat(root.resolve("scripts/cdk")).isExecutable();

            address.remove();
            rehearsal.removeLogs();

            assertThat(TwinAddress.file()).doesNotExist();
            assertThat(logs).doesNotExist();
        } finally {
            System.clearProperty("greenlight.home");
        }
    }

    /** Stack operations may run on the clock: let it run until the stack is created. */
    private void awaitCreated() throws InterruptedException {
        for (int second = 0; second < 600; second++) {
            String status = twin.cloudFormation().describeStacks(r -> r.stackName(Rehearsal.DEMO_STACK)).stacks()
                    .get(0).stackStatusAsString();
            if (!status.endsWith("IN_PROGRESS")) {
                assertThat(status).as("%s", twin.cloudFormation().describeStackEvents(r -> r.stackName(
                        Rehearsal.DEMO_STACK)).stackEvents().stream().filter(e -> e.resourceStatusReason() != null)
                        .map(e -> e.logicalResourceId() + ": " + e.resourceStatusReason()).toList())
                        .isEqualTo("CREATE_COMPLETE");
                return;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("the demo stack was not created within 10 minutes");
    }

    /** GreenlightDemo's resources as the CDK app synthesizes them, without the VPC, log groups and latency alarms. */
    private static final String DEMO_STACK = """
            Resources:
              Repository:
                Type: AWS::ECR::Repository
                Properties: {RepositoryName: orders, ImageTagMutability: IMMUTABLE, EmptyOnDelete: true,
                             ImageScanningConfiguration: {ScanOnPush: true}}
              Cluster:
                Type: AWS::ECS::Cluster
                Properties: {ClusterName: greenlight}
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties: {Scheme: internet-facing, Type: application, Subnets: [subnet-0a1b2c3d, subnet-4e5f6a7b]}
              Blue:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties: {Port: 80, Protocol: HTTP, TargetType: ip, VpcId: vpc-0a1b2c3d, HealthCheckPath: /,
                             HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2}
              Green:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties: {Port: 80, Protocol: HTTP, TargetType: ip, VpcId: vpc-0a1b2c3d, HealthCheckPath: /,
                             HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2}
              Production:
                Type: AWS::ElasticLoadBalancingV2::Listener
                DependsOn: Green
                Properties: {LoadBalancerArn: !Ref Alb, Port: 80, Protocol: HTTP,
                             DefaultActions: [{Type: forward, TargetGroupArn: !Ref Blue}]}
              Test:
                Type: AWS::ElasticLoadBalancingV2::Listener
                DependsOn: Blue
                Properties: {LoadBalancerArn: !Ref Alb, Port: 8080, Protocol: HTTP,
                             DefaultActions: [{Type: forward, TargetGroupArn: !Ref Green}]}
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties: {Family: orders, NetworkMode: awsvpc, RequiresCompatibilities: [FARGATE], Cpu: "256",
                             Memory: "512", ContainerDefinitions: [{Name: app, Essential: true,
                               Image: "public.ecr.aws/docker/library/nginx:stable", PortMappings: [{ContainerPort: 80}]}]}
              Service:
                Type: AWS::ECS::Service
                DependsOn: [Production, Test]
                Properties: {ServiceName: orders, Cluster: !Ref Cluster, TaskDefinition: !Ref Task, DesiredCount: 2,
                             LaunchType: FARGATE, DeploymentController: {Type: CODE_DEPLOY},
                             NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [subnet-0a1b2c3d], AssignPublicIp: ENABLED}},
                             LoadBalancers: [{TargetGroupArn: !Ref Blue, ContainerName: app, ContainerPort: 80}]}
              Blue5xx:
                Type: AWS::CloudWatch::Alarm
                Properties: {AlarmName: orders-blue-5xx, Namespace: AWS/ApplicationELB, MetricName: HTTPCode_Target_5XX_Count,
                             Dimensions: [{Name: TargetGroup, Value: !GetAtt Blue.TargetGroupFullName},
                                          {Name: LoadBalancer, Value: !GetAtt Alb.LoadBalancerFullName}],
                             Statistic: Sum, Period: 60, EvaluationPeriods: 1, Threshold: 5,
                             ComparisonOperator: GreaterThanOrEqualToThreshold, TreatMissingData: notBreaching}
              Green5xx:
                Type: AWS::CloudWatch::Alarm
                Properties: {AlarmName: orders-green-5xx, Namespace: AWS/ApplicationELB, MetricName: HTTPCode_Target_5XX_Count,
                             Dimensions: [{Name: TargetGroup, Value: !GetAtt Green.TargetGroupFullName},
                                          {Name: LoadBalancer, Value: !GetAtt Alb.LoadBalancerFullName}],
                             Statistic: Sum, Period: 60, EvaluationPeriods: 1, Threshold: 5,
                             ComparisonOperator: GreaterThanOrEqualToThreshold, TreatMissingData: notBreaching}
              DeploymentRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "sts:AssumeRole",
                                             Principal: {Service: codedeploy.amazonaws.com}}]}
                  ManagedPolicyArns: ["arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS"]
              Application:
                Type: AWS::CodeDeploy::Application
                Properties: {ApplicationName: orders, ComputePlatform: ECS}
              DeploymentGroup:
                Type: AWS::CodeDeploy::DeploymentGroup
                Properties:
                  ApplicationName: !Ref Application
                  DeploymentGroupName: orders-dg
                  ServiceRoleArn: !GetAtt DeploymentRole.Arn
                  DeploymentConfigName: CodeDeployDefault.ECSCanary10Percent5Minutes
                  DeploymentStyle: {DeploymentType: BLUE_GREEN, DeploymentOption: WITH_TRAFFIC_CONTROL}
                  BlueGreenDeploymentConfiguration:
                    DeploymentReadyOption: {ActionOnTimeout: CONTINUE_DEPLOYMENT, WaitTimeInMinutes: 0}
                    TerminateBlueInstancesOnDeploymentSuccess: {Action: TERMINATE, TerminationWaitTimeInMinutes: 5}
                  ECSServices: [{ClusterName: !Ref Cluster, ServiceName: !GetAtt Service.Name}]
                  LoadBalancerInfo:
                    TargetGroupPairInfoList:
                      - TargetGroups: [{Name: !GetAtt Blue.TargetGroupName}, {Name: !GetAtt Green.TargetGroupName}]
                        ProdTrafficRoute: {ListenerArns: [!Ref Production]}
                        TestTrafficRoute: {ListenerArns: [!Ref Test]}
                  AlarmConfiguration:
                    Enabled: true
                    Alarms: [{Name: !Ref Blue5xx}, {Name: !Ref Green5xx}]
                  AutoRollbackConfiguration:
                    Enabled: true
                    Events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_REQUEST, DEPLOYMENT_STOP_ON_ALARM]
            """;
}
