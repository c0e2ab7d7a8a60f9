package dev.greenlight.local.aws.elbv2;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupStickinessConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * A listener's or rule's forward action as weights per target group, with ELB's rules: one
 * forward action; {@code TargetGroupArn} or a {@code ForwardConfig} of one to five distinct
 * target groups (both only when they name the same single group); weights 0 to 999 (1 when
 * left out); every group must exist. Other action types are not modelled.
 */
record ForwardWeights(Map<String, Integer> weights) {

    private static final int MAX_GROUPS = 5;
    private static final int MAX_WEIGHT = 999;

    static ForwardWeights of(List<Action> actions, Predicate<String> targetGroupExists) {
        if (actions == null || actions.isEmpty()) {
            throw ElbErrors.validation("At least one action must be specified");
        }
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).type() == ActionTypeEnum.UNKNOWN_TO_SDK_VERSION || actions.get(i).type() == null) {
                throw ElbErrors.validation("1 validation error detected: Value '" + actions.get(i).typeAsString()
                        + "' at 'defaultActions." + (i + 1) + ".member.type' failed to satisfy constraint: Member must"
                        + " satisfy enum value set: " + ActionTypeEnum.knownValues());
            }
        }
        if (actions.stream().anyMatch(action -> action.type() != ActionTypeEnum.FORWARD)) {
            throw new UnsupportedOperationException("the local ELBv2 twin models only forward actions");
        }
        if (actions.size() > 1) {
            throw ElbErrors.tooManyActions();
        }
        ForwardWeights forward = fromAction(actions.get(0));
        forward.weights.keySet().stream().filter(targetGroupExists.negate()).findFirst().ifPresent(arn -> {
            throw ElbErrors.targetGroupNotFound(arn);
        });
        return forward;
    }

    /** The action as ELB describes it back: the single group's ARN appears on the action too. */
    Action describe() {
        ForwardActionConfig config = ForwardActionConfig.builder()
                .targetGroups(weights.entrySet().stream()
                        .map(entry -> TargetGroupTuple.builder().targetGroupArn(entry.getKey())
                                .weight(entry.getValue()).build())
                        .toList())
                .targetGroupStickinessConfig(TargetGroupStickinessConfig.builder().enabled(false).build())
                .build();
        Action.Builder action = Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(config);
        if (weights.size() == 1) {
            action.targetGroupArn(weights.keySet().iterator().next());
        }
        return action.build();
    }

    private static ForwardWeights fromAction(Action action) {
        ForwardActionConfig config = action.forwardConfig();
        boolean hasConfig = config != null && config.hasTargetGroups() && !config.targetGroups().isEmpty();
        if (!hasConfig && action.targetGroupArn() == null) {
            throw ElbErrors.validation("A target group ARN or a forward config must be specified for a forward action");
        }
        if (!hasConfig) {
            return new ForwardWeights(Map.of(action.targetGroupArn(), 1));
        }
        ForwardWeights weights = fromConfig(config.targetGroups());
        if (action.targetGroupArn() != null
                && !weights.weights.keySet().equals(Set.of(action.targetGroupArn()))) {
            throw ElbErrors.validation("You cannot specify both a target group ARN and a forward config"
                    + " with different target groups");
        }
        return weights;
    }

    private static ForwardWeights fromConfig(List<TargetGroupTuple> groups) {
        if (groups.size() > MAX_GROUPS) {
            throw ElbErrors.validation("A forward action can have at most " + MAX_GROUPS + " target groups");
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (TargetGroupTuple group : groups) {
            if (group.targetGroupArn() == null) {
                throw ElbErrors.validation("A target group ARN must be specified for each target group");
            }
            int weight = group.weight() == null ? 1 : group.weight();
            if (weight < 0 || weight > MAX_WEIGHT) {
                throw ElbErrors.validation("1 validation error detected: Value '" + weight + "' at 'weight' failed"
                        + " to satisfy constraint: Member must have value between 0 and " + MAX_WEIGHT);
            }
            if (weights.putIfAbsent(group.targetGroupArn(), weight) != null) {
                throw ElbErrors.validation("Target group '" + group.targetGroupArn()
                        + "' cannot be specified more than once in a forward action");
            }
        }
        return new ForwardWeights(Collections.unmodifiableMap(weights));
    }
}
