package dev.greenlight.cli.demo;

import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * Where the production listener sends users, in percent: blue is the target group that had all of it
 * when the deployment started, green the other.
 */
record TrafficSplit(int bluePercent, int greenPercent) {

    static final TrafficSplit ALL_BLUE = new TrafficSplit(100, 0);

    /** Reads the listener's forward action as ELB describes it: one target group, or weighted ones. */
    static TrafficSplit of(List<Action> defaultActions, String blueTargetGroupArn) {
        Action forward = defaultActions.get(0);
        if (forward.forwardConfig() == null || forward.forwardConfig().targetGroups().isEmpty()) {
            return blueTargetGroupArn.equals(forward.targetGroupArn()) ? ALL_BLUE : new TrafficSplit(0, 100);
        }
        List<TargetGroupTuple> groups = forward.forwardConfig().targetGroups();
        long total = groups.stream().mapToLong(TrafficSplit::weight).sum();
        long blue = groups.stream().filter(group -> group.targetGroupArn().equals(blueTargetGroupArn))
                .mapToLong(TrafficSplit::weight).sum();
        if (total == 0) {
            return new TrafficSplit(0, 0);
        }
        int bluePercent = (int) Math.round(100.0 * blue / total);
        return new TrafficSplit(bluePercent, 100 - bluePercent);
    }

    /** The target group users mostly reach, as the next deployment's blue. */
    static String live(List<Action> defaultActions) {
        Action forward = defaultActions.get(0);
        if (forward.forwardConfig() == null || forward.forwardConfig().targetGroups().isEmpty()) {
            return forward.targetGroupArn();
        }
        return forward.forwardConfig().targetGroups().stream()
                .max(Comparator.comparingLong(TrafficSplit::weight)).orElseThrow().targetGroupArn();
    }

    boolean allOnBlue() {
        return bluePercent == 100;
    }

    /** {@code [##################++]}: one character per 5 %, # for blue and + for green. */
    String bar() {
        int green = (int) Math.round(greenPercent / 5.0);
        return "[" + "#".repeat(20 - green) + "+".repeat(green) + "]";
    }

    private static long weight(TargetGroupTuple group) {
        return group.weight() == null ? 1 : group.weight();
    }
}
