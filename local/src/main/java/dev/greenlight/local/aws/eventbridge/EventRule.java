package dev.greenlight.local.aws.eventbridge;

import dev.greenlight.local.aws.LocalAccount;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** A rule on a bus: its compiled pattern, whether it is on, and its targets in the order they were put. */
record EventRule(String name, String eventBusName, EventPattern pattern, RuleState state, String description,
        List<Target> targets, Instant createdAt) {

    EventRule {
        targets = List.copyOf(targets);
    }

    String arn() {
        return LocalAccount.arn("events", "rule/" + name);
    }

    boolean enabled() {
        return state == RuleState.ENABLED;
    }

    EventRule withState(RuleState newState) {
        return new EventRule(name, eventBusName, pattern, newState, description, targets, createdAt);
    }

    EventRule withTargets(List<Target> newTargets) {
        return new EventRule(name, eventBusName, pattern, state, description, newTargets, createdAt);
    }
}
