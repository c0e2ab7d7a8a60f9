package dev.greenlight.local.aws.ecs;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.StabilityStatus;

/** New task sets: a fresh id, STABILIZING until the scheduler has looked at them. */
final class TaskSetFactory {

    private TaskSetFactory() {
    }

    static TaskSetState create(EcsState state, ServiceState service, String taskDefinitionArn, String status,
            double scalePercent, List<LoadBalancer> loadBalancers, NetworkConfiguration network,
            String platformVersion, String externalId, String startedBy, Instant now) {
        String id = state.nextTaskSetId();
        return new TaskSetState(id, EcsArns.taskSet(service.cluster(), service.name(), id), service.cluster(),
                service.name(), status, taskDefinitionArn, scalePercent, loadBalancers, network, platformVersion,
                externalId, startedBy, now, now, StabilityStatus.STABILIZING, now, 0, null, null);
    }
}
