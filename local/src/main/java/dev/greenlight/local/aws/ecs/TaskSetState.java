package dev.greenlight.local.aws.ecs;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.StabilityStatus;

/**
 * A task set: one task definition scaled to a percent of the service's desired count.
 * {@code launchFailures} counts tasks that stopped on their own since the set was last steady;
 * it spaces out replacements as ECS's service throttle does. {@code rolloutFailure} is the reason a
 * rolling deployment's circuit breaker failed it (null while it has not): the set then launches no
 * more tasks.
 */
record TaskSetState(String id, String arn, String cluster, String service, String status, String taskDefinitionArn,
        double scalePercent, List<LoadBalancer> loadBalancers, NetworkConfiguration network, String platformVersion,
        String externalId, String startedBy, Instant createdAt, Instant updatedAt, StabilityStatus stability,
        Instant stabilityAt, int launchFailures, Instant nextLaunchAt, String rolloutFailure) {

    static final String PRIMARY = "PRIMARY";
    static final String ACTIVE = "ACTIVE";
    static final String DRAINING = "DRAINING";

    boolean primary() {
        return PRIMARY.equals(status);
    }

    boolean draining() {
        return DRAINING.equals(status);
    }

    /** ECS's rule: the service's desired count times the scale, always rounded up. */
    int computedDesiredCount(int serviceDesiredCount) {
        return draining() ? 0 : (int) Math.ceil(serviceDesiredCount * scalePercent / 100.0 - 1e-9);
    }

    TaskSetState withStatus(String newStatus, Instant now) {
        return new TaskSetState(id, arn, cluster, service, newStatus, taskDefinitionArn, scalePercent, loadBalancers,
                network, platformVersion, externalId, startedBy, createdAt, now, stability, stabilityAt,
                launchFailures, nextLaunchAt, rolloutFailure);
    }

    TaskSetState withScale(double percent, Instant now) {
        return new TaskSetState(id, arn, cluster, service, status, taskDefinitionArn, percent, loadBalancers, network,
                platformVersion, externalId, startedBy, createdAt, now, stability, stabilityAt, launchFailures,
                nextLaunchAt, rolloutFailure);
    }

    TaskSetState withStability(StabilityStatus newStability, Instant now) {
        return new TaskSetState(id, arn, cluster, service, status, taskDefinitionArn, scalePercent, loadBalancers,
                network, platformVersion, externalId, startedBy, createdAt, updatedAt, newStability, now,
                newStability == StabilityStatus.STEADY_STATE ? 0 : launchFailures, nextLaunchAt, rolloutFailure);
    }

    boolean rolloutFailed() {
        return rolloutFailure != null;
    }

    TaskSetState withRolloutFailure(String reason, Instant now) {
        return new TaskSetState(id, arn, cluster, service, status, taskDefinitionArn, scalePercent, loadBalancers,
                network, platformVersion, externalId, startedBy, createdAt, now, stability, stabilityAt,
                launchFailures, nextLaunchAt, reason);
    }

    TaskSetState withLaunchFailure(Instant retryAt) {
        return new TaskSetState(id, arn, cluster, service, status, taskDefinitionArn, scalePercent, loadBalancers,
                network, platformVersion, externalId, startedBy, createdAt, updatedAt, stability, stabilityAt,
                launchFailures + 1, retryAt, rolloutFailure);
    }
}
