package dev.greenlight.cli.ops;

import dev.greenlight.workers.pipeline.TrafficSplit.Share;
import dev.greenlight.workers.pipeline.TrafficSplit;
import java.util.List;

/** A traffic split as a bar a person reads at a glance: {@code orders-blue 90% [#########-] 10% orders-green}. */
final class TrafficBar {

    private static final int WIDTH = 20;

    private TrafficBar() {
    }

    static String of(TrafficSplit split) {
        List<Share> shares = split.shares();
        if (shares.isEmpty()) {
            return "unknown (no production listener)";
        }
        if (shares.size() != 2) {
            return String.join(", ", shares.stream().map(s -> s.targetGroup() + " " + s.percent() + "%").toList());
        }
        Share first = shares.get(0);
        Share second = shares.get(1);
        int filled = Math.round(WIDTH * first.percent() / 100f);
        return first.targetGroup() + " " + first.percent() + "% [" + "#".repeat(filled) + "-".repeat(WIDTH - filled)
                + "] " + second.percent() + "% " + second.targetGroup();
    }
}
