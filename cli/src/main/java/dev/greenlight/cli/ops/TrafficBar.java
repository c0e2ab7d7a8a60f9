package dev.greenlight.cli.ops;

import dev.greenlight.cli.ops.DeploymentStatus.Weight;
import java.util.List;

/** A traffic split as a bar a person reads at a glance: {@code orders-blue 90% [#########-] 10% orders-green}. */
final class TrafficBar {

    private static final int WIDTH = 20;

    private TrafficBar() {
    }

    static String of(List<Weight> weights) {
        if (weights.isEmpty()) {
            return "unknown (no production listener)";
        }
        if (weights.size() != 2) {
            return String.join(", ", weights.stream().map(w -> w.targetGroup() + " " + w.percent() + "%").toList());
        }
        Weight first = weights.get(0);
        Weight second = weights.get(1);
        int filled = Math.round(WIDTH * first.percent() / 100f);
        return first.targetGroup() + " " + first.percent() + "% [" + "#".repeat(filled) + "-".repeat(WIDTH - filled)
                + "] " + second.percent() + "% " + second.targetGroup();
    }
}
