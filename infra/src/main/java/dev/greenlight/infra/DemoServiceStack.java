package dev.greenlight.infra;

import dev.greenlight.workers.config.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.codedeploy.EcsApplication;
import software.amazon.awscdk.services.codedeploy.EcsBlueGreenDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.EcsDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.EcsDeploymentGroup;
import software.amazon.awscdk.services.codedeploy.AutoRollbackConfig;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.ecs.AlternateTarget;
import software.amazon.awscdk.services.ecs.AlternateTargetProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.DeploymentController;
import software.amazon.awscdk.services.ecs.DeploymentControllerType;
import software.amazon.awscdk.services.ecs.DeploymentStrategy;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.ListenerRuleConfiguration;
import software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.WeightedTargetGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The demo service, everything Greenlight needs in an empty account: a VPC with public subnets only
 * (no NAT gateway to pay for), an ECR repository, an ECS cluster with a Fargate service under the
 * {@code CODE_DEPLOY} controller, an ALB with production and test listeners and two target groups,
 * a 5xx and a latency alarm per target group, and a CodeDeploy blue/green deployment group. For a
 * service on the {@code ecs} backend, the service has the ECS controller with the BLUE_GREEN strategy
 * instead, the second target group as its alternate and a rule on each listener that ECS moves, and
 * there is no CodeDeploy. Its names are the configured service's, so the pipeline deploys it unchanged.
 */
public final class DemoServiceStack extends Stack {

    /** The first task runs this public image until Greenlight deploys one from the repository. */
    public static final String INITIAL_IMAGE = "public.ecr.aws/docker/library/nginx:stable";
    public static final int TEST_PORT = 8080;

    public DemoServiceStack(Construct scope, String id, StackProps props, String name, ServiceConfig service) {
        super(scope, id, props);
        List<String> expected = alarmNames(name);
        if (!service.alarms().containsAll(expected)) {
            throw new IllegalArgumentException("services." + name + ".alarms: the demo stack creates the alarms "
                    + expected + "; list them in greenlight.json so the pipeline watches them");
        }
        Vpc vpc = Vpc.Builder.create(this, "Vpc").maxAzs(2).natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder().name("public")
                        .subnetType(SubnetType.PUBLIC).cidrMask(24).build()))
                .build();
        vpc.addFlowLog("FlowLog", FlowLogOptions.builder().destination(FlowLogDestination.toCloudWatchLogs(
                LogGroup.Builder.create(this, "FlowLogs").retention(RetentionDays.ONE_WEEK)
                        .removalPolicy(RemovalPolicy.DESTROY).build())).build());
        Repository repository = Repository.Builder.create(this, "Repository").repositoryName(service.repository())
                .imageScanOnPush(true).imageTagMutability(TagMutability.IMMUTABLE)
                .removalPolicy(RemovalPolicy.DESTROY).emptyOnDelete(true).build();
        Cluster cluster = Cluster.Builder.create(this, "Cluster").clusterName(service.cluster()).vpc(vpc).build();
        Nag.suppress(cluster, "AwsSolutions-ECS4", "Container Insights is billed per metric and the demo does not "
                + "need it: the pipeline watches the load balancer's per-target-group metrics, which are free");

        ApplicationLoadBalancer alb = ApplicationLoadBalancer.Builder.create(this, "Alb").vpc(vpc)
                .internetFacing(true).build();
        Nag.suppress(alb, "AwsSolutions-ELB2", "access logs need an S3 bucket of their own; the demo's evidence "
                + "is the target groups' CloudWatch metrics and the execution history");
        Nag.suppress(alb, "AwsSolutions-EC23", "the demo is a public web service: the production listener (80) "
                + "serves users and the test listener (8080) must be reachable by the smoke-test Lambda, which runs "
                + "outside the VPC");
        ApplicationTargetGroup blue = targetGroup("Blue", vpc, service);
        ApplicationTargetGroup green = targetGroup("Green", vpc, service);
        ApplicationListener production = alb.addListener("Production", software.amazon.awscdk.services
                .elasticloadbalancingv2.BaseApplicationListenerProps.builder().port(80)
                .protocol(ApplicationProtocol.HTTP).defaultTargetGroups(List.of(blue)).build());
        ApplicationListener test = alb.addListener("Test", software.amazon.awscdk.services
                .elasticloadbalancingv2.BaseApplicationListenerProps.builder().port(TEST_PORT)
                .protocol(ApplicationProtocol.HTTP).defaultTargetGroups(List.of(green)).build());

        // A release swaps which group each listener forwards to, so neither group may be deleted while
        // either listener stands: otherwise destroying the stack after a release fails with ResourceInUse.
        production.getNode().addDependency(green);
        test.getNode().addDependency(blue);

        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task").cpu(256)
                .memoryLimitMiB(512).build();
        LogGroup appLogs = LogGroup.Builder.create(this, "AppLogs").retention(RetentionDays.ONE_WEEK)
                .removalPolicy(RemovalPolicy.DESTROY).build();
        task.addContainer("App", ContainerDefinitionOptions.builder().containerName(service.container())
                .image(ContainerImage.fromRegistry(INITIAL_IMAGE))
                .portMappings(List.of(PortMapping.builder().containerPort(service.containerPort()).build()))
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(appLogs).streamPrefix(name).build()))
                .build());
        repository.grantPull(task.obtainExecutionRole());
        Nag.suppress(task.obtainExecutionRole(), "AwsSolutions-IAM5", "ecr:GetAuthorizationToken has no "
                + "resource-level permissions; pulling is limited to the demo repository", "Resource::*");
        boolean ecsNative = service.backend() == ServiceConfig.Backend.ecs;
        FargateService.Builder fargateBuilder = FargateService.Builder.create(this, "Service")
                .serviceName(service.service())
                .cluster(cluster).taskDefinition(task).desiredCount(2).assignPublicIp(true)
                .minHealthyPercent(100).maxHealthyPercent(200)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build());
        if (ecsNative) {
            fargateBuilder.deploymentController(DeploymentController.builder().type(DeploymentControllerType.ECS)
                    .build()).deploymentStrategy(DeploymentStrategy.BLUE_GREEN);
        } else {
            fargateBuilder.deploymentController(DeploymentController.builder()
                    .type(DeploymentControllerType.CODE_DEPLOY).build());
        }
        FargateService fargate = fargateBuilder.build();
        if (ecsNative) {
            // ECS moves the weights of these rules; both forward to both target groups from the start.
            fargate.loadBalancerTarget(LoadBalancerTargetOptions.builder().containerName(service.container())
                    .containerPort(service.containerPort())
                    .alternateTarget(new AlternateTarget("AlternateTarget", AlternateTargetProps.builder()
                            .alternateTargetGroup(green)
                            .productionListener(ListenerRuleConfiguration.applicationListenerRule(
                                    bothGroups("ProductionRule", production, blue, green)))
                            .testListener(ListenerRuleConfiguration.applicationListenerRule(
                                    bothGroups("TestRule", test, blue, green)))
                            .build()))
                    .build()).attachToApplicationTargetGroup(blue);
        } else {
            fargate.attachToApplicationTargetGroup(blue);
        }

        List<Alarm> alarms = new ArrayList<>();
        for (ApplicationTargetGroup group : List.of(blue, green)) {
            String color = group == blue ? "blue" : "green";
            alarms.add(Alarm.Builder.create(this, color + "5xx").alarmName(name + "-" + color + "-5xx")
                    .alarmDescription("Target 5xx responses of the " + color + " target group of " + name)
                    .metric(group.getMetrics().httpCodeTarget(
                            software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget.TARGET_5XX_COUNT,
                            software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                                    .period(Duration.minutes(1)).statistic("Sum").build()))
                    .threshold(5).evaluationPeriods(1)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .treatMissingData(TreatMissingData.NOT_BREACHING).build());
            alarms.add(Alarm.Builder.create(this, color + "Latency").alarmName(name + "-" + color + "-latency")
                    .alarmDescription("p90 target response time of the " + color + " target group of " + name)
                    .metric(group.getMetrics().targetResponseTime(software.amazon.awscdk.services.cloudwatch
                            .MetricOptions.builder().period(Duration.minutes(1)).statistic("p90").build()))
                    .threshold(1).evaluationPeriods(2)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .treatMissingData(TreatMissingData.NOT_BREACHING).build());
        }

        if (!ecsNative) {
            deploymentGroup(service, fargate, blue, green, production, test, alarms);
        }

        CfnOutput.Builder.create(this, "ProductionUrl").value("http://" + alb.getLoadBalancerDnsName()).build();
        CfnOutput.Builder.create(this, "TestUrl").value("http://" + alb.getLoadBalancerDnsName() + ":" + TEST_PORT)
                .description("Put this in greenlight.json as services." + name + ".smoke.testUrl").build();
        CfnOutput.Builder.create(this, "RepositoryUri").value(repository.getRepositoryUri()).build();
    }

    /** A rule for every path that forwards all traffic to blue and none to green, as ECS blue/green needs. */
    private ApplicationListenerRule bothGroups(String id, ApplicationListener listener, ApplicationTargetGroup blue,
            ApplicationTargetGroup green) {
        return ApplicationListenerRule.Builder.create(this, id).listener(listener).priority(1)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of("/*"))))
                .action(ListenerAction.weightedForward(List.of(
                        WeightedTargetGroup.builder().targetGroup(blue).weight(100).build(),
                        WeightedTargetGroup.builder().targetGroup(green).weight(0).build())))
                .build();
    }

    private void deploymentGroup(ServiceConfig service, FargateService fargate, ApplicationTargetGroup blue,
            ApplicationTargetGroup green, ApplicationListener production, ApplicationListener test,
            List<Alarm> alarms) {
        EcsApplication application = EcsApplication.Builder.create(this, "Application")
                .applicationName(service.codeDeploy().application()).build();
        EcsDeploymentGroup group = EcsDeploymentGroup.Builder.create(this, "DeploymentGroup").application(application)
                .deploymentGroupName(service.codeDeploy().deploymentGroup()).service(fargate)
                .deploymentConfig(EcsDeploymentConfig.CANARY_10_PERCENT_5_MINUTES)
                .blueGreenDeploymentConfig(EcsBlueGreenDeploymentConfig.builder().blueTargetGroup(blue)
                        .greenTargetGroup(green).listener(production).testListener(test)
                        .terminationWaitTime(Duration.minutes(5)).build())
                .alarms(new ArrayList<>(alarms))
                .autoRollback(AutoRollbackConfig.builder().failedDeployment(true).stoppedDeployment(true)
                        .deploymentInAlarm(true).build())
                .build();
        Nag.suppress(group.getRole(), "AwsSolutions-IAM4", "AWSCodeDeployRoleForECS is the policy AWS documents "
                + "for CodeDeploy's ECS blue/green role; it also lets CodeDeploy invoke the smoke-test hook, named "
                + "CodeDeployHook_* for that reason",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/AWSCodeDeployRoleForECS");
    }

    /** The alarms this stack creates for a service: 5xx and latency per target group. */
    public static List<String> alarmNames(String name) {
        return List.of(name + "-blue-5xx", name + "-blue-latency", name + "-green-5xx", name + "-green-latency");
    }

    private ApplicationTargetGroup targetGroup(String id, Vpc vpc, ServiceConfig service) {
        return ApplicationTargetGroup.Builder.create(this, id).vpc(vpc).port(service.containerPort())
                .protocol(ApplicationProtocol.HTTP).targetType(TargetType.IP)
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(HealthCheck.builder().path("/").interval(Duration.seconds(10))
                        .healthyThresholdCount(2).build())
                .build();
    }

}
