package dev.greenlight.workers.pipeline;

import dev.greenlight.workers.backend.DeploymentBackend.Production;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * Where a listener sends users, in percent per target group, read from its forward action as ELB
 * describes it: one target group (all of it), or weighted ones (a weight left out counts 1, as ELB's).
 */
public record TrafficSplit(List<Share> shares) {

    /** A target group's share of the traffic, in percent. */
    public record Share(String targetGroupArn, int percent) {

        /** {@code arn:…:targetgroup/NAME/ID} names its target group. */
        public String targetGroup() {
            String[] parts = targetGroupArn.split("/");
            return parts.length >= 2 ? parts[parts.length - 2] : targetGroupArn;
        }
    }

    public static TrafficSplit of(List<Action> defaultActions) {
        List<Share> shares = new ArrayList<>();
        for (Action action : defaultActions) {
            if (action.forwardConfig() != null && !action.forwardConfig().targetGroups().isEmpty()) {
                List<TargetGroupTuple> groups = action.forwardConfig().targetGroups();
                long total = groups.stream().mapToLong(TrafficSplit::weight).sum();
                groups.forEach(group -> shares.add(new Share(group.targetGroupArn(),
                        total == 0 ? 0 : (int) Math.round(100.0 * weight(group) / total))));
            } else if (action.targetGroupArn() != null) {
                shares.add(new Share(action.targetGroupArn(), 100));
            }
        }
        return new TrafficSplit(List.copyOf(shares));
    }

    /**
     * Where production sends users, as the service's backend routes it: the default actions of its
     * production listeners (CodeDeploy) or the actions of its production listener rules (ECS blue/green).
     */
    public static TrafficSplit ofProduction(ElasticLoadBalancingV2Client elb, Production production) {
        List<Action> actions = new ArrayList<>();
        if (!production.listenerArns().isEmpty()) {
            elb.describeListeners(r -> r.listenerArns(production.listenerArns())).listeners()
                    .forEach(listener -> actions.addAll(listener.defaultActions()));
        }
        if (!production.listenerRuleArns().isEmpty()) {
            elb.describeRules(r -> r.ruleArns(production.listenerRuleArns())).rules()
                    .forEach(rule -> actions.addAll(rule.actions()));
        }
        return of(actions);
    }

    /** The share of one target group; 0 when the listener does not send it any. */
    public int percentOf(String targetGroupArn) {
        return shares.stream().filter(share -> share.targetGroupArn().equals(targetGroupArn))
                .mapToInt(Share::percent).sum();
    }

    /** The share of every other target group. */
    public int percentOfOthers(String targetGroupArn) {
        return shares.stream().filter(share -> !share.targetGroupArn().equals(targetGroupArn))
                .mapToInt(Share::percent).sum();
    }

    /** The target group users mostly reach: the next deployment's blue; null without a forward. */
    public String live() {
        return shares.stream().max(Comparator.comparingInt(Share::percent)).map(Share::targetGroupArn).orElse(null);
    }

    private static long weight(TargetGroupTuple group) {
        return group.weight() == null ? 1 : group.weight();
    }
}
