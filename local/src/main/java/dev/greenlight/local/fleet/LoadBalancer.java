package dev.greenlight.local.fleet;

import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * The load balancers' data plane, driven by the ELB twin without knowing the mode: target
 * groups with health-checked targets, listeners that forward to target groups by weight, and
 * per-target-group metrics published each period. Target groups and listeners are named by
 * the caller's ids (the twin uses ARNs) and by the metric dimension values ALB reports
 * ({@code targetgroup/NAME/ID}, {@code app/NAME/ID}).
 *
 * <p>A target group's targets are health-checked only while a listener forwards to it, as ELB
 * does; until then they are {@code unused} ({@code Target.NotInUse}).
 */
public final class LoadBalancer implements AutoCloseable {

    private final Clock clock;
    private final DataPlane dataPlane;
    private final MetricPublisher publisher;
    private final Duration period;
    private final Map<String, TargetGroupRuntime> groups = new LinkedHashMap<>();
    private final Map<String, ListenerRuntime> listeners = new LinkedHashMap<>();
    private Clock.Timer publishing;

    LoadBalancer(Clock clock, DataPlane dataPlane, MetricPublisher publisher, Duration period) {
        this.clock = clock;
        this.dataPlane = dataPlane;
        this.publisher = publisher;
        this.period = period;
        schedulePublishing();
    }

    public synchronized void addTargetGroup(String id, String metricName, HealthCheck check) {
        if (groups.containsKey(id)) {
            throw new IllegalArgumentException("target group already exists: " + id);
        }
        groups.put(id, new TargetGroupRuntime(id, metricName, check));
    }

    /** Opens a listener of the load balancer named {@code loadBalancerMetricName}; returns its loopback port. */
    public synchronized int openListener(String id, String loadBalancerMetricName) {
        if (listeners.containsKey(id)) {
            throw new IllegalArgumentException("listener already exists: " + id);
        }
        ListenerRuntime listener = new ListenerRuntime(loadBalancerMetricName);
        listener.port = dataPlane.openListener(listener);
        listeners.put(id, listener);
        return listener.port;
    }

    public synchronized int port(String listenerId) {
        return listener(listenerId).port;
    }

    /** Sets a listener's forward action: target group ids to weights (0 to 999, in order). */
    public synchronized void forward(String listenerId, Map<String, Integer> weights) {
        weights.keySet().forEach(this::group);
        listener(listenerId).rotation = new WeightedRotation(weights);
        refreshUse();
    }

    public synchronized void register(String groupId, Endpoint target) {
        TargetGroupRuntime group = group(groupId);
        TargetGroupRuntime.Slot existing = group.targets.get(target);
        if (existing != null && existing.health.state() != TargetState.DRAINING) {
            return;
        }
        if (existing != null) {
            existing.cancelTimer();
        }
        TargetGroupRuntime.Slot slot = new TargetGroupRuntime.Slot(
                group.inUse() ? TargetHealth.registered() : TargetHealth.notInUse());
        group.targets.put(target, slot);
        if (group.inUse()) {
            startChecks(group, target, slot);
        }
    }

    /** Deregisters a target: it drains for {@code drainDelay} (no new requests), then leaves. */
    public synchronized void deregister(String groupId, Endpoint target, Duration drainDelay) {
        TargetGroupRuntime group = group(groupId);
        TargetGroupRuntime.Slot slot = group.targets.get(target);
        if (slot == null || slot.health.state() == TargetState.DRAINING) {
            return;
        }
        slot.cancelTimer();
        if (!group.inUse()) {
            group.targets.remove(target);
            return;
        }
        slot.health = TargetHealth.draining();
        slot.timer = clock.schedule(drainDelay, () -> removeDrained(group, target, slot));
    }

    /** Each registered target (draining ones included) and its health, in registration order. */
    public synchronized Map<Endpoint, TargetHealth> targets(String groupId) {
        Map<Endpoint, TargetHealth> health = new LinkedHashMap<>();
        group(groupId).targets.forEach((target, slot) -> health.put(target, slot.health));
        return health;
    }

    @Override
    public synchronized void close() {
        publishing.cancel();
        groups.values().forEach(group -> group.targets.values().forEach(TargetGroupRuntime.Slot::cancelTimer));
        listeners.values().forEach(listener -> dataPlane.closeListener(listener.port));
    }

    private void refreshUse() {
        Map<String, String> users = new LinkedHashMap<>();
        listeners.values().forEach(listener -> listener.rotation.weights().keySet()
                .forEach(groupId -> users.putIfAbsent(groupId, listener.loadBalancerMetricName)));
        for (TargetGroupRuntime group : groups.values()) {
            boolean wasInUse = group.inUse();
            group.loadBalancerMetricName = users.get(group.id);
            if (wasInUse != group.inUse()) {
                group.targets.forEach((target, slot) -> changeUse(group, target, slot));
            }
        }
    }

    private void changeUse(TargetGroupRuntime group, Endpoint target, TargetGroupRuntime.Slot slot) {
        if (slot.health.state() == TargetState.DRAINING) {
            return;
        }
        slot.cancelTimer();
        slot.health = group.inUse() ? TargetHealth.registered() : TargetHealth.notInUse();
        if (group.inUse()) {
            startChecks(group, target, slot);
        }
    }

    private void startChecks(TargetGroupRuntime group, Endpoint target, TargetGroupRuntime.Slot slot) {
        slot.timer = clock.schedule(Duration.ZERO, () -> probe(group, target, slot));
    }

    private void probe(TargetGroupRuntime group, Endpoint target, TargetGroupRuntime.Slot slot) {
        dataPlane.probe(target, group.check, result -> probed(group, target, slot, result));
    }

    private synchronized void probed(TargetGroupRuntime group, Endpoint target, TargetGroupRuntime.Slot slot,
            ProbeResult result) {
        boolean current = group.targets.get(target) == slot && group.inUse()
                && slot.health.state() != TargetState.DRAINING;
        if (!current) {
            return;
        }
        slot.health = slot.health.afterProbe(result, group.check);
        slot.timer = clock.schedule(group.check.interval(), () -> probe(group, target, slot));
    }

    private synchronized void removeDrained(TargetGroupRuntime group, Endpoint target, TargetGroupRuntime.Slot slot) {
        group.targets.remove(target, slot);
    }

    private void schedulePublishing() {
        long periodNanos = period.toNanos();
        Instant now = clock.now();
        long intoPeriod = Math.floorMod(now.getEpochSecond() * 1_000_000_000L + now.getNano(), periodNanos);
        Instant periodStart = now.minusNanos(intoPeriod);
        publishing = clock.schedule(Duration.ofNanos(periodNanos - intoPeriod), () -> publish(periodStart));
    }

    private void publish(Instant periodStart) {
        List<MetricDatum> data = new ArrayList<>();
        synchronized (this) {
            for (TargetGroupRuntime group : groups.values()) {
                if (!group.metrics.isEmpty() && group.loadBalancerMetricName != null) {
                    data.addAll(group.metrics.data(periodStart, group.metricName, group.loadBalancerMetricName));
                }
                group.metrics = new PeriodMetrics();
            }
            schedulePublishing();
        }
        if (!data.isEmpty()) {
            publisher.publish(MetricPublisher.NAMESPACE, data);
        }
    }

    private TargetGroupRuntime group(String id) {
        TargetGroupRuntime group = groups.get(id);
        if (group == null) {
            throw new IllegalArgumentException("no such target group: " + id);
        }
        return group;
    }

    private ListenerRuntime listener(String id) {
        ListenerRuntime listener = listeners.get(id);
        if (listener == null) {
            throw new IllegalArgumentException("no such listener: " + id);
        }
        return listener;
    }

    /** A listener's routing: weighted rotation over its target groups, then a target in turn. */
    private final class ListenerRuntime implements ListenerRouting {
        final String loadBalancerMetricName;
        WeightedRotation rotation = new WeightedRotation(Map.of());
        int port;

        ListenerRuntime(String loadBalancerMetricName) {
            this.loadBalancerMetricName = loadBalancerMetricName;
        }

        @Override
        public Optional<Route> route() {
            synchronized (LoadBalancer.this) {
                Optional<String> groupId = rotation.next();
                if (groupId.isEmpty()) {
                    return Optional.empty();
                }
                TargetGroupRuntime group = groups.get(groupId.get());
                group.metrics.request();
                return group.nextTarget().map(target -> new Route(group.id, target));
            }
        }

        @Override
        public void answered(Route route, int status, Duration latency) {
            synchronized (LoadBalancer.this) {
                Optional.ofNullable(groups.get(route.targetGroupId()))
                        .ifPresent(group -> group.metrics.answered(status, latency));
            }
        }

        @Override
        public void unreachable(Route route) {
            // Counted in RequestCount already; ALB reports the 502 as HTTPCode_ELB_502_Count, not a target code.
        }
    }
}
