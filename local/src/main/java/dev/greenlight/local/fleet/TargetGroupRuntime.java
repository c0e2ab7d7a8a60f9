package dev.greenlight.local.fleet;

import dev.greenlight.local.clock.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One target group in the data plane: its targets with their health, the turn for the next
 * request, and the current period's metrics. Guarded by the {@link LoadBalancer}'s monitor.
 */
final class TargetGroupRuntime {

    /** A registration of one target; a new registration is a new slot, so stale callbacks can tell. */
    static final class Slot {
        TargetHealth health;
        Clock.Timer timer;

        Slot(TargetHealth health) {
            this.health = health;
        }

        void cancelTimer() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }
    }

    final String id;
    final String metricName;
    final HealthCheck check;
    final Map<Endpoint, Slot> targets = new LinkedHashMap<>();
    PeriodMetrics metrics = new PeriodMetrics();
    String loadBalancerMetricName;
    private long turn;

    TargetGroupRuntime(String id, String metricName, HealthCheck check) {
        this.id = id;
        this.metricName = metricName;
        this.check = check;
    }

    boolean inUse() {
        return loadBalancerMetricName != null;
    }

    /**
     * The next target in turn among the healthy ones; when none is healthy, ELB fails open and
     * uses every registered target that is not draining.
     */
    Optional<Endpoint> nextTarget() {
        List<Endpoint> healthy = targetsWhere(true);
        List<Endpoint> candidates = healthy.isEmpty() ? targetsWhere(false) : healthy;
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get((int) (turn++ % candidates.size())));
    }

    private List<Endpoint> targetsWhere(boolean healthyOnly) {
        return targets.entrySet().stream()
                .filter(entry -> healthyOnly ? entry.getValue().health.receivesTraffic()
                        : entry.getValue().health.state() != TargetState.DRAINING)
                .map(Map.Entry::getKey)
                .toList();
    }
}
