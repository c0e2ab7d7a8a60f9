package dev.greenlight.local.twin;

import dev.greenlight.local.aws.codedeploy.EcsServiceId;
import dev.greenlight.local.aws.codedeploy.ProductionWeights;
import dev.greenlight.local.aws.codedeploy.ReplacementTaskSet;
import dev.greenlight.local.aws.codedeploy.TaskSet;
import dev.greenlight.local.aws.codedeploy.TaskSetRerouting;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * What CodeDeploy does to ECS and the load balancer in a blue/green deployment, through their own
 * APIs: ECS task sets (as CodeDeploy, the service's deployment controller) and listener weights.
 * A deployment group names its target groups by name; ECS and the load balancer take ARNs.
 */
final class EcsElbRerouting implements TaskSetRerouting {

    private final EcsClient ecs;
    private final ElasticLoadBalancingV2Client elb;
    private final EcsClient ecsWatched;
    private final ElasticLoadBalancingV2Client elbWatched;

    /**
     * @param ecs        the ECS twin as CodeDeploy calls it ({@code EcsTwin.asCodeDeploy()}), as its service role
     * @param elb        the load balancer as CodeDeploy calls it, as its service role
     * @param ecsWatched the ECS twin read unchecked for how the replacement's tasks are doing, and
     * @param elbWatched the load balancer read unchecked for its targets' health: CodeDeploy learns both
     *                   without these calls as its role (AWSCodeDeployRoleForECS grants none of
     *                   DescribeTaskSets, ListTasks, DescribeTasks, DescribeTargetHealth), so the twin's
     *                   reads of them are its own observation, not CodeDeploy's calls
     */
    EcsElbRerouting(EcsClient ecs, ElasticLoadBalancingV2Client elb, EcsClient ecsWatched,
            ElasticLoadBalancingV2Client elbWatched) {
        this.ecs = ecs;
        this.elb = elb;
        this.ecsWatched = ecsWatched;
        this.elbWatched = elbWatched;
    }

    @Override
    public TaskSet originalTaskSet(EcsServiceId id) {
        software.amazon.awssdk.services.ecs.model.TaskSet primary = service(id).taskSets().stream()
                .filter(taskSet -> "PRIMARY".equals(taskSet.status()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("service " + id.targetId() + " has no primary task set"));
        String arn = primary.loadBalancers().get(0).targetGroupArn();
        return new TaskSet(primary.id(), elb.describeTargetGroups(request -> request.targetGroupArns(arn))
                .targetGroups().get(0).targetGroupName());
    }

    @Override
    public String createReplacementTaskSet(ReplacementTaskSet replacement) {
        EcsServiceId id = replacement.service();
        return ecs.createTaskSet(request -> request.cluster(id.cluster()).service(id.service())
                        .taskDefinition(replacement.taskDefinition())
                        .loadBalancers(LoadBalancer.builder().targetGroupArn(arn(replacement.targetGroup()))
                                .containerName(replacement.containerName())
                                .containerPort(replacement.containerPort()).build())
                        .networkConfiguration(network(replacement, id))
                        .platformVersion(replacement.platformVersion())
                        .scale(scale -> scale.value(100.0).unit(ScaleUnit.PERCENT)))
                .taskSet().id();
    }

    @Override
    public boolean replacementReady(EcsServiceId id, String taskSetId, String targetGroup) {
        software.amazon.awssdk.services.ecs.model.TaskSet taskSet = ecsWatched.describeTaskSets(request -> request
                .cluster(id.cluster()).service(id.service()).taskSets(taskSetId)).taskSets().get(0);
        if (!"STEADY_STATE".equals(taskSet.stabilityStatusAsString()) || taskSet.runningCount() == 0) {
            return false;
        }
        // Targets still draining from the task set a previous deployment removed are on their way out of the
        // group (for the deregistration delay, 300 s by default): they are not the replacement's and do not
        // hold it back.
        List<TargetHealthDescription> targets = elbWatched.describeTargetHealth(request -> request
                .targetGroupArn(arn(targetGroup))).targetHealthDescriptions().stream()
                .filter(target -> target.targetHealth().state() != TargetHealthStateEnum.DRAINING).toList();
        return targets.size() >= taskSet.runningCount()
                && targets.stream().allMatch(target -> target.targetHealth().state() == TargetHealthStateEnum.HEALTHY);
    }

    @Override
    public List<String> failedStarts(EcsServiceId id, String taskSetId) {
        List<String> stopped = ecsWatched.listTasks(request -> request.cluster(id.cluster()).startedBy(taskSetId)
                .desiredStatus(DesiredStatus.STOPPED).maxResults(100)).taskArns();
        if (stopped.isEmpty()) {
            return List.of();
        }
        return ecsWatched.describeTasks(request -> request.cluster(id.cluster()).tasks(stopped)).tasks().stream()
                .filter(task -> task.startedAt() == null)
                .sorted(Comparator.comparing(Task::stoppedAt))
                .map(EcsElbRerouting::stopReason)
                .toList();
    }

    /** The task's stoppedReason, and what its containers say when that is only "Essential container in task exited". */
    private static String stopReason(Task task) {
        String containers = task.containers().stream()
                .filter(container -> container.reason() != null && !container.reason().equals(task.stoppedReason()))
                .map(container -> container.name() + ": " + container.reason())
                .collect(Collectors.joining("; "));
        return task.stopCodeAsString() + ": " + task.stoppedReason() + (containers.isEmpty() ? "" : " (" + containers + ")");
    }

    @Override
    public void routeTestTraffic(String testListenerArn, String targetGroup) {
        elb.modifyListener(request -> request.listenerArn(testListenerArn).defaultActions(forward(
                TargetGroupTuple.builder().targetGroupArn(arn(targetGroup)).weight(1).build())));
    }

    @Override
    public void shiftProductionTraffic(String productionListenerArn, ProductionWeights weights) {
        elb.modifyListener(request -> request.listenerArn(productionListenerArn).defaultActions(forward(
                TargetGroupTuple.builder().targetGroupArn(arn(weights.originalTargetGroup()))
                        .weight(weights.originalPercent()).build(),
                TargetGroupTuple.builder().targetGroupArn(arn(weights.replacementTargetGroup()))
                        .weight(weights.replacementPercent()).build())));
    }

    @Override
    public void updatePrimaryTaskSet(EcsServiceId id, String taskSetId) {
        ecs.updateServicePrimaryTaskSet(request -> request.cluster(id.cluster()).service(id.service())
                .primaryTaskSet(taskSetId));
    }

    @Override
    public void deleteTaskSet(EcsServiceId id, String taskSetId) {
        ecs.deleteTaskSet(request -> request.cluster(id.cluster()).service(id.service()).taskSet(taskSetId)
                .force(true));
    }

    private String arn(String targetGroupName) {
        return elb.describeTargetGroups(request -> request.names(targetGroupName)).targetGroups().get(0)
                .targetGroupArn();
    }

    private Service service(EcsServiceId id) {
        return ecs.describeServices(request -> request.cluster(id.cluster()).services(id.service())).services()
                .stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no service " + id.targetId()));
    }

    /** The AppSpec's network configuration, else the service's own, as CodeDeploy does. */
    private NetworkConfiguration network(ReplacementTaskSet replacement, EcsServiceId id) {
        ReplacementTaskSet.AwsVpcConfiguration fromAppSpec = replacement.network();
        if (fromAppSpec == null || fromAppSpec.subnets() == null) {
            return service(id).networkConfiguration();
        }
        return NetworkConfiguration.builder().awsvpcConfiguration(AwsVpcConfiguration.builder()
                .subnets(fromAppSpec.subnets())
                .securityGroups(fromAppSpec.securityGroups())
                .assignPublicIp(fromAppSpec.assignPublicIp()).build()).build();
    }

    private static Action forward(TargetGroupTuple... groups) {
        return Action.builder().type(ActionTypeEnum.FORWARD)
                .forwardConfig(forward -> forward.targetGroups(groups)).build();
    }
}
