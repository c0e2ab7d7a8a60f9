package dev.greenlight.local.aws.ecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the twin knows, keyed by name; its monitor guards every read and change (the
 * gateway's threads and the clock both come through it). Lookups refuse as AWS does.
 */
final class EcsState {

    final TaskDefinitions taskDefinitions = new TaskDefinitions();
    final Map<String, ClusterState> clusters = new LinkedHashMap<>();
    /** By {@code cluster/service}. */
    final Map<String, ServiceState> services = new LinkedHashMap<>();
    /** By task set id, which is unique across clusters. */
    final Map<String, TaskSetState> taskSets = new LinkedHashMap<>();
    /** By task id. */
    final Map<String, TaskState> tasks = new LinkedHashMap<>();
    /** A resource's tags in the order first set, by its ARN. */
    final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    final ServiceEvents events = new ServiceEvents();
    /** Service revisions by ARN, in the order created. */
    final Map<String, software.amazon.awssdk.services.ecs.model.ServiceRevision> revisions = new LinkedHashMap<>();
    /** The revision each blue/green service runs now, by service ARN. */
    final Map<String, String> currentRevisions = new LinkedHashMap<>();
    /** Blue/green service deployments by ARN, in the order started. */
    final Map<String, BlueGreenRun> deployments = new LinkedHashMap<>();
    private long sequence;

    /** ECS's task set and deployment ids: {@code ecs-svc/} and nineteen digits. */
    String nextTaskSetId() {
        return String.format("ecs-svc/%019d", 1_000_000_000_000_000_000L + ++sequence);
    }

    /** A service revision's or service deployment's id: ECS publishes no format; the twin uses 22 characters. */
    String nextRevisionId() {
        return String.format("%022d", ++sequence);
    }

    /** ECS's task ids: 32 hex digits. */
    String nextTaskId() {
        return String.format("%032x", ++sequence);
    }

    /** The ACTIVE cluster named by name or ARN; the default cluster when none is named, as AWS assumes. */
    ClusterState cluster(String nameOrArn) {
        ClusterState cluster = clusters.get(EcsArns.name(nameOrArn == null ? "default" : nameOrArn));
        if (cluster == null || !cluster.active()) {
            throw EcsErrors.clusterNotFound();
        }
        return cluster;
    }

    Optional<ServiceState> findService(ClusterState cluster, String nameOrArn) {
        return Optional.ofNullable(services.get(key(cluster.name(), EcsArns.name(nameOrArn))));
    }

    ServiceState service(ClusterState cluster, String nameOrArn) {
        return findService(cluster, nameOrArn).orElseThrow(EcsErrors::serviceNotFound);
    }

    /** A service that can still be changed: AWS refuses DRAINING and INACTIVE ones. */
    ServiceState activeService(ClusterState cluster, String nameOrArn) {
        ServiceState service = service(cluster, nameOrArn);
        if (!service.active()) {
            throw EcsErrors.serviceNotActive();
        }
        return service;
    }

    TaskSetState taskSet(ServiceState service, String idOrArn) {
        TaskSetState set = taskSets.get(EcsArns.taskSetId(idOrArn));
        if (set == null || !set.service().equals(service.name()) || !set.cluster().equals(service.cluster())) {
            throw EcsErrors.taskSetNotFound();
        }
        return set;
    }

    List<TaskSetState> taskSetsOf(ServiceState service) {
        return taskSets.values().stream()
                .filter(set -> set.cluster().equals(service.cluster()) && set.service().equals(service.name()))
                .toList();
    }

    List<TaskState> tasksOf(TaskSetState set) {
        return tasks.values().stream().filter(task -> set.id().equals(task.taskSetId())).toList();
    }

    void put(ServiceState service) {
        services.put(key(service.cluster(), service.name()), service);
    }

    void put(TaskSetState set) {
        taskSets.put(set.id(), set);
    }

    void put(TaskState task) {
        tasks.put(task.id(), task);
    }

    private static String key(String cluster, String service) {
        return cluster + "/" + service;
    }
}
