package dev.greenlight.local.aws.ecs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.Failure;

/** CreateCluster (idempotent by name), DescribeClusters (MISSING failures) and DeleteCluster (only when empty). */
final class ClusterOperations {

    private final EcsState state;
    private final Views views;

    ClusterOperations(EcsState state, Views views) {
        this.state = state;
        this.views = views;
    }

    CreateClusterResponse create(CreateClusterRequest request) {
        String name = request.clusterName() == null ? "default" : request.clusterName();
        ClusterState existing = state.clusters.get(name);
        ClusterState cluster = existing != null && existing.active() ? existing : ClusterState.created(name);
        state.clusters.put(name, cluster);
        return CreateClusterResponse.builder().cluster(views.cluster(cluster)).build();
    }

    DescribeClustersResponse describe(DescribeClustersRequest request) {
        List<String> names = request.clusters().isEmpty() ? List.of("default") : request.clusters();
        List<Cluster> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String nameOrArn : names) {
            ClusterState cluster = state.clusters.get(EcsArns.name(nameOrArn));
            if (cluster == null) {
                failures.add(Failure.builder().arn(EcsArns.cluster(EcsArns.name(nameOrArn))).reason("MISSING").build());
            } else {
                found.add(views.cluster(cluster));
            }
        }
        return DescribeClustersResponse.builder().clusters(found).failures(failures).build();
    }

    DeleteClusterResponse delete(DeleteClusterRequest request) {
        ClusterState cluster = state.cluster(request.cluster());
        boolean services = state.services.values().stream()
                .anyMatch(service -> service.cluster().equals(cluster.name())
                        && !ServiceState.INACTIVE.equals(service.status()));
        if (services) {
            throw EcsErrors.clusterContainsServices();
        }
        if (state.tasks.values().stream().anyMatch(task -> task.cluster().equals(cluster.name()) && task.live())) {
            throw EcsErrors.clusterContainsTasks();
        }
        ClusterState deleted = cluster.deleted();
        state.clusters.put(deleted.name(), deleted);
        return DeleteClusterResponse.builder().cluster(views.cluster(deleted)).build();
    }
}
