package dev.greenlight.local.aws.ecs;

/** A cluster: ACTIVE until deleted, then INACTIVE (AWS still describes it for a while). */
record ClusterState(String name, String arn, boolean active) {

    static ClusterState created(String name) {
        return new ClusterState(name, EcsArns.cluster(name), true);
    }

    ClusterState deleted() {
        return new ClusterState(name, arn, false);
    }
}
