package dev.greenlight.workers.core;

import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/**
 * What an ECS service runs now: the task definition of its PRIMARY task set (services under the
 * CODE_DEPLOY controller), else the service's own {@code taskDefinition}, described with its tags.
 */
public final class CurrentTaskDefinition {

    private CurrentTaskDefinition() {
    }

    /** @throws ServiceNotFound when the service is not an ACTIVE service of the cluster */
    public static DescribeTaskDefinitionResponse of(EcsClient ecs, String cluster, String serviceName) {
        Service service = service(ecs, cluster, serviceName);
        String arn = service.taskSets().stream()
                .filter(set -> "PRIMARY".equals(set.status()))
                .map(TaskSet::taskDefinition)
                .findFirst()
                .orElse(service.taskDefinition());
        return ecs.describeTaskDefinition(r -> r.taskDefinition(arn).include(TaskDefinitionField.TAGS));
    }

    private static Service service(EcsClient ecs, String cluster, String serviceName) {
        var response = ecs.describeServices(r -> r.cluster(cluster).services(serviceName));
        return response.services().stream()
                .filter(service -> "ACTIVE".equals(service.status()))
                .findFirst()
                .orElseThrow(() -> new ServiceNotFound("ECS service '" + serviceName + "' is not an active service of "
                        + "cluster '" + cluster + "'" + response.failures().stream()
                                .map(failure -> " (" + failure.reason() + ")").findFirst().orElse("")
                        + ": check config.cluster and config.service"));
    }
}
