package dev.greenlight.local.twin;

import dev.greenlight.local.aws.ecs.TargetRegistry;
import dev.greenlight.local.aws.ecs.TaskLauncher.ContainerAddress;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

/** ECS registers a task set's tasks in its target groups through the load balancer's own API. */
final class ElbTargetRegistry implements TargetRegistry {

    private final ElasticLoadBalancingV2Client elb;

    ElbTargetRegistry(ElasticLoadBalancingV2Client elb) {
        this.elb = elb;
    }

    @Override
    public void register(String targetGroupArn, ContainerAddress target) {
        elb.registerTargets(request -> request.targetGroupArn(targetGroupArn).targets(description(target)));
    }

    @Override
    public void deregister(String targetGroupArn, ContainerAddress target) {
        elb.deregisterTargets(request -> request.targetGroupArn(targetGroupArn).targets(description(target)));
    }

    private static TargetDescription description(ContainerAddress target) {
        return TargetDescription.builder().id(target.host()).port(target.port()).build();
    }
}
