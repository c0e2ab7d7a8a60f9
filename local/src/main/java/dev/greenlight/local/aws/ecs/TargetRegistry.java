package dev.greenlight.local.aws.ecs;

import dev.greenlight.local.aws.ecs.TaskLauncher.ContainerAddress;

/**
 * Port to the load balancer: as in AWS, ECS registers a task set's running tasks in the target
 * groups of its load balancers and deregisters them when they stop. Implemented by the ELBv2
 * twin (its {@code RegisterTargets}/{@code DeregisterTargets} with the task's IP and port).
 */
public interface TargetRegistry {

    void register(String targetGroupArn, ContainerAddress target);

    void deregister(String targetGroupArn, ContainerAddress target);
}
