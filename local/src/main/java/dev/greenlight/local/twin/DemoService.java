package dev.greenlight.local.twin;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.ecr.LocalImage;
import dev.greenlight.local.fleet.AppProfile;
import java.util.List;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.DeploymentType;
import software.amazon.awssdk.services.codedeploy.model.InstanceAction;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.ecs.model.AdvancedConfiguration;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * A service set up for CodeDeploy blue/green in the twin, through the services' own APIs, as the
 * demo stack sets it up in AWS: an ECR repository, an ALB with a production and a test listener and
 * two target groups, an ECS Fargate service with the CODE_DEPLOY controller, a 5xx alarm per target
 * group, and a CodeDeploy application and deployment group that rolls back on failure and on alarm.
 *
 * @param name             the service's name, also its repository's, application's and prefix of the rest
 * @param productionListenerArn the listener users reach
 * @param testListenerArn  the listener smoke tests reach
 */
public record DemoService(String name, String cluster, String productionListenerArn, String testListenerArn,
        List<String> alarms, String deploymentGroup) {

    public static final String CONTAINER = "app";
    public static final int CONTAINER_PORT = 8080;
    private static final String SUBNET = "subnet-0a1b2c3d";
    private static final String CODE_DEPLOY_ROLE = "codedeploy";
    private static final String SECURITY_GROUP = "sg-0a1b2c3d";

    /** What to provision; the deployment config and termination wait are the deployment group's. */
    public record Settings(String name, int desiredCount, String deploymentConfig, int terminationWaitMinutes,
            String firstImageProfile) {

        public static Settings defaults(String name) {
            return new Settings(name, 2, "CodeDeployDefault.ECSCanary10Percent5Minutes", 5, "healthy");
        }
    }

    /** Provisions everything and starts the first version, tag {@code 1.0}, deployed by CodeDeploy. */
    public static DemoService provision(LocalTwin twin, Settings settings) {
        return provision(twin, settings, false);
    }

    /**
     * As {@link #provision(LocalTwin, Settings)}, the service deployed by ECS itself ({@code ecsNative}):
     * the ECS deployment controller with the BLUE_GREEN strategy, the second target group as the load
     * balancer's alternate, both listeners' default rules forwarding to both groups (green at weight 0),
     * and no CodeDeploy application. The deployment config and termination wait are then unused.
     */
    public static DemoService provision(LocalTwin twin, Settings settings, boolean ecsNative) {
        String name = settings.name();
        String cluster = "greenlight";
        twin.ecr().createRepository(r -> r.repositoryName(name).imageScanningConfiguration(s -> s.scanOnPush(true))
                .imageTagMutability("IMMUTABLE"));
        String albArn = twin.elb().createLoadBalancer(r -> r.name(name + "-alb").subnets(SUBNET, "subnet-4e5f6a7b"))
                .loadBalancers().get(0).loadBalancerArn();
        TargetGroup blue = targetGroup(twin, name + "-blue");
        TargetGroup green = targetGroup(twin, name + "-green");
        String production = ecsNative ? listener(twin, albArn, 80, blue, green)
                : listener(twin, albArn, 80, blue.targetGroupArn());
        // As in AWS's ECS blue/green tutorial: the test listener starts on the second target group.
        String test = ecsNative ? listener(twin, albArn, 8080, blue, green)
                : listener(twin, albArn, 8080, green.targetGroupArn());
        String firstImage = push(twin, name, "1.0", settings.firstImageProfile());
        twin.ecs().createCluster(r -> r.clusterName(cluster));
        String taskDefinition = registerTaskDefinition(twin, name, firstImage);
        twin.ecs().createService(r -> r.cluster(cluster).serviceName(name).taskDefinition(taskDefinition)
                .desiredCount(settings.desiredCount()).launchType(LaunchType.FARGATE)
                .deploymentController(c -> c.type(ecsNative ? DeploymentControllerType.ECS
                        : DeploymentControllerType.CODE_DEPLOY))
                .deploymentConfiguration(ecsNative ? DeploymentConfiguration.builder()
                        .strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(0).build() : null)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET)
                        .securityGroups(SECURITY_GROUP).assignPublicIp(AssignPublicIp.DISABLED)))
                .loadBalancers(lb -> lb.targetGroupArn(blue.targetGroupArn()).containerName(CONTAINER)
                        .containerPort(CONTAINER_PORT).advancedConfiguration(ecsNative ? AdvancedConfiguration.builder()
                                .alternateTargetGroupArn(green.targetGroupArn())
                                .productionListenerRule(defaultRule(twin, production))
                                .testListenerRule(defaultRule(twin, test))
                                .roleArn("arn:aws:iam::" + LocalAccount.ID + ":role/ecs-infrastructure-elb").build()
                                : null)));
        List<String> alarms = List.of(alarm(twin, albArn, blue), alarm(twin, albArn, green));
        if (ecsNative) {
            return new DemoService(name, cluster, production, test, alarms, null);
        }
        String group = name + "-dg";
        deploymentGroup(twin, settings, cluster, group, production, test, alarms);
        return new DemoService(name, cluster, production, test, alarms, group);
    }

    /**
     * Pushes an image of the sample app with {@code profile} (healthy, errors, slow, unhealthy, crash).
     *
     * @throws IllegalArgumentException before anything is pushed, when {@code profile} names no app profile
     */
    public static String push(LocalTwin twin, String repository, String tag, String profile) {
        AppProfile.named(profile, tag);
        String digest = twin.ecr().push(repository, LocalImage.of(tag, profile));
        return LocalAccount.ID + ".dkr.ecr." + LocalAccount.REGION + ".amazonaws.com/" + repository + "@" + digest;
    }

    /** A new revision of the service's task definition running {@code image}. */
    public static String registerTaskDefinition(LocalTwin twin, String family, String image) {
        return twin.ecs().registerTaskDefinition(r -> r.family(family).networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                        .containerDefinitions(c -> c.name(CONTAINER).image(image).essential(true)
                                .portMappings(p -> p.containerPort(CONTAINER_PORT))))
                .taskDefinition().taskDefinitionArn();
    }

    /** Starts a blue/green deployment of {@code taskDefinitionArn}, with the hooks given as event/function pairs. */
    public String deploy(LocalTwin twin, String taskDefinitionArn, String... hooks) {
        StringBuilder hookList = new StringBuilder();
        for (int i = 0; i < hooks.length; i += 2) {
            hookList.append(i == 0 ? "" : ",").append("{\"").append(hooks[i]).append("\":\"").append(hooks[i + 1])
                    .append("\"}");
        }
        String appSpec = """
                {"version": 0.0, "Resources": [{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {
                  "TaskDefinition": "%s", "LoadBalancerInfo": {"ContainerName": "%s", "ContainerPort": %d}}}}],
                 "Hooks": [%s]}""".formatted(taskDefinitionArn, CONTAINER, CONTAINER_PORT, hookList);
        return twin.codeDeploy().createDeployment(r -> r.applicationName(name).deploymentGroupName(deploymentGroup)
                .revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
                        .appSpecContent(c -> c.content(appSpec)))).deploymentId();
    }

    private static TargetGroup targetGroup(LocalTwin twin, String name) {
        return twin.elb().createTargetGroup(r -> r.name(name).protocol(ProtocolEnum.HTTP).port(CONTAINER_PORT)
                .vpcId("vpc-0a1b2c3d").targetType(TargetTypeEnum.IP).healthCheckPath("/health")
                .healthCheckIntervalSeconds(10).healthCheckTimeoutSeconds(5).healthyThresholdCount(2)
                .unhealthyThresholdCount(2)).targetGroups().get(0);
    }

    private static String listener(LocalTwin twin, String albArn, int port, String targetGroupArn) {
        return twin.elb().createListener(r -> r.loadBalancerArn(albArn).protocol(ProtocolEnum.HTTP).port(port)
                .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroupArn).build()))
                .listeners().get(0).listenerArn();
    }

    /** ECS-native blue/green forwards with both target groups in the rule: all to blue, none to green. */
    private static String listener(LocalTwin twin, String albArn, int port, TargetGroup blue, TargetGroup green) {
        return twin.elb().createListener(r -> r.loadBalancerArn(albArn).protocol(ProtocolEnum.HTTP).port(port)
                .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(
                        TargetGroupTuple.builder().targetGroupArn(blue.targetGroupArn()).weight(100).build(),
                        TargetGroupTuple.builder().targetGroupArn(green.targetGroupArn()).weight(0).build()))
                        .build()))
                .listeners().get(0).listenerArn();
    }

    /** The listener's default rule: what ECS's advanced configuration names. */
    public static String defaultRule(LocalTwin twin, String listenerArn) {
        return twin.elb().describeRules(r -> r.listenerArn(listenerArn)).rules().get(0).ruleArn();
    }

    /** Any 5xx from the target group within a minute: the signal CodeDeploy stops a deployment on. */
    private static String alarm(LocalTwin twin, String albArn, TargetGroup targetGroup) {
        String name = targetGroup.targetGroupName() + "-5xx";
        twin.cloudWatch().putMetricAlarm(r -> r.alarmName(name).namespace("AWS/ApplicationELB")
                .metricName("HTTPCode_Target_5XX_Count")
                .dimensions(d -> d.name("TargetGroup").value(arnSuffix(targetGroup.targetGroupArn(), "targetgroup/")),
                        d -> d.name("LoadBalancer").value(arnSuffix(albArn, "app/")))
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData("notBreaching"));
        return name;
    }

    /**
     * CodeDeploy's service role, as the demo stack gives it (infra's DemoServiceStack): trusted by
     * {@code codedeploy.amazonaws.com}, with the AWS managed policy {@code AWSCodeDeployRoleForECS}.
     * One role serves every demo service of the twin.
     */
    private static String codeDeployRole(LocalTwin twin) {
        try {
            return twin.iam().getRole(r -> r.roleName(CODE_DEPLOY_ROLE)).role().arn();
        } catch (NoSuchEntityException absent) {
            String arn = twin.iam().createRole(r -> r.roleName(CODE_DEPLOY_ROLE).assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                     "Principal":{"Service":"codedeploy.amazonaws.com"}}]}""")).role().arn();
            twin.iam().attachRolePolicy(r -> r.roleName(CODE_DEPLOY_ROLE)
                    .policyArn("arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS"));
            return arn;
        }
    }

    private static void deploymentGroup(LocalTwin twin, Settings settings, String cluster, String group,
            String production, String test, List<String> alarms) {
        twin.codeDeploy().createApplication(r -> r.applicationName(settings.name())
                .computePlatform(ComputePlatform.ECS));
        twin.codeDeploy().createDeploymentGroup(r -> r.applicationName(settings.name()).deploymentGroupName(group)
                .serviceRoleArn(codeDeployRole(twin))
                .deploymentConfigName(settings.deploymentConfig())
                .deploymentStyle(s -> s.deploymentType(DeploymentType.BLUE_GREEN)
                        .deploymentOption(DeploymentOption.WITH_TRAFFIC_CONTROL))
                .ecsServices(s -> s.clusterName(cluster).serviceName(settings.name()))
                .loadBalancerInfo(l -> l.targetGroupPairInfoList(p -> p
                        .targetGroups(t -> t.name(settings.name() + "-blue"), t -> t.name(settings.name() + "-green"))
                        .prodTrafficRoute(route -> route.listenerArns(production))
                        .testTrafficRoute(route -> route.listenerArns(test))))
                .blueGreenDeploymentConfiguration(bg -> bg
                        .terminateBlueInstancesOnDeploymentSuccess(t -> t.action(InstanceAction.TERMINATE)
                                .terminationWaitTimeInMinutes(settings.terminationWaitMinutes()))
                        .deploymentReadyOption(ready -> ready.actionOnTimeout(DeploymentReadyAction.CONTINUE_DEPLOYMENT)))
                .autoRollbackConfiguration(rollback -> rollback.enabled(true).events(
                        AutoRollbackEvent.DEPLOYMENT_FAILURE, AutoRollbackEvent.DEPLOYMENT_STOP_ON_ALARM))
                .alarmConfiguration(a -> a.enabled(true).alarms(alarms.stream()
                        .map(alarm -> software.amazon.awssdk.services.codedeploy.model.Alarm.builder().name(alarm).build())
                        .toList())));
    }

    /** The part of an ARN after {@code marker}, as CloudWatch's ELB dimensions name resources. */
    private static String arnSuffix(String arn, String marker) {
        return arn.substring(arn.indexOf(marker));
    }
}
