package dev.greenlight.local.aws.codedeploy;

import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.DeploymentType;
import software.amazon.awssdk.services.codedeploy.model.ECSTarget;
import software.amazon.awssdk.services.codedeploy.model.InstanceAction;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;

/**
 * A CodeDeploy twin on a virtual clock with fake ECS/ELB, Lambda and CloudWatch, an ECS
 * application "web" and a way to create its deployment group and deploy AppSpecs to it.
 */
final class CodeDeployFixture {

    static final String APP = "web";
    static final String GROUP = "web-blue-green";
    static final String PROD_LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/prod";
    static final String TEST_LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/test";
    static final String ALARM = "web-5xx";
    static final String TARGET_ID = "main:web";

    final VirtualClock clock = new VirtualClock();
    final FakeRerouting rerouting = new FakeRerouting();
    final FakeHooks hooks = new FakeHooks();
    final FakeAlarms alarms = new FakeAlarms();
    final CodeDeployClient client;

    CodeDeployFixture() {
        this(RevisionObjects.NONE);
    }

    /** With {@code s3} as where S3 revisions are read from. */
    CodeDeployFixture(RevisionObjects s3) {
        client = new CodeDeployTwin(clock, rerouting, hooks, alarms, s3, Duration.ofSeconds(30));
        hooks.client = client;
        rerouting.now = clock::now;
        client.createApplication(b -> b.applicationName(APP).computePlatform(ComputePlatform.ECS));
    }

    /** The group every test starts from: canary 10% for 5 minutes, rollback on failure and alarm, 5-minute termination wait. */
    void group(Consumer<CreateDeploymentGroupRequest.Builder> overrides) {
        CreateDeploymentGroupRequest.Builder request = CreateDeploymentGroupRequest.builder()
                .applicationName(APP)
                .deploymentGroupName(GROUP)
                .serviceRoleArn("arn:aws:iam::123456789012:role/codedeploy")
                .deploymentConfigName("CodeDeployDefault.ECSCanary10Percent5Minutes")
                .deploymentStyle(s -> s.deploymentType(DeploymentType.BLUE_GREEN)
                        .deploymentOption(DeploymentOption.WITH_TRAFFIC_CONTROL))
                .ecsServices(s -> s.clusterName("main").serviceName("web"))
                .loadBalancerInfo(l -> l.targetGroupPairInfoList(p -> p
                        .targetGroups(t -> t.name("tg-blue"), t -> t.name("tg-green"))
                        .prodTrafficRoute(r -> r.listenerArns(PROD_LISTENER))
                        .testTrafficRoute(r -> r.listenerArns(TEST_LISTENER))))
                .blueGreenDeploymentConfiguration(bg -> bg
                        .terminateBlueInstancesOnDeploymentSuccess(t -> t.action(InstanceAction.TERMINATE)
                                .terminationWaitTimeInMinutes(5))
                        .deploymentReadyOption(r -> r.actionOnTimeout(DeploymentReadyAction.CONTINUE_DEPLOYMENT)))
                .autoRollbackConfiguration(r -> r.enabled(true).events(AutoRollbackEvent.DEPLOYMENT_FAILURE,
                        AutoRollbackEvent.DEPLOYMENT_STOP_ON_ALARM))
                .alarmConfiguration(a -> a.enabled(true).alarms(x -> x.name(ALARM)));
        overrides.accept(request);
        client.createDeploymentGroup(request.build());
    }

    void group() {
        group(request -> { });
    }

    String deploy(String appSpec) {
        return client.createDeployment(b -> b.applicationName(APP).deploymentGroupName(GROUP)
                .revision(r -> r.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
                        .appSpecContent(c -> c.content(appSpec)))).deploymentId();
    }

    /** An AppSpec in JSON for task definition web:2 with the given hooks, {"Event": "function"} pairs. */
    static String appSpec(String... hookPairs) {
        StringBuilder hooksJson = new StringBuilder();
        for (int i = 0; i < hookPairs.length; i += 2) {
            hooksJson.append(i == 0 ? "" : ",").append("{\"").append(hookPairs[i]).append("\":\"")
                    .append(hookPairs[i + 1]).append("\"}");
        }
        return """
                {"version": 0.0,
                 "Resources": [{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {
                    "TaskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2",
                    "LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": 8080}}}}],
                 "Hooks": [%s]}
                """.formatted(hooksJson);
    }

    DeploymentInfo info(String deploymentId) {
        return client.getDeployment(b -> b.deploymentId(deploymentId)).deploymentInfo();
    }

    ECSTarget target(String deploymentId) {
        return client.getDeploymentTarget(b -> b.deploymentId(deploymentId).targetId(TARGET_ID))
                .deploymentTarget().ecsTarget();
    }

    List<String> eventStatuses(String deploymentId) {
        return target(deploymentId).lifecycleEvents().stream()
                .map(event -> event.lifecycleEventName() + "=" + event.statusAsString()).toList();
    }

    LifecycleEvent event(String deploymentId, String name) {
        return target(deploymentId).lifecycleEvents().stream()
                .filter(event -> event.lifecycleEventName().equals(name)).findFirst().orElseThrow();
    }

    void runFor(Duration duration) {
        clock.advance(duration);
    }
}
