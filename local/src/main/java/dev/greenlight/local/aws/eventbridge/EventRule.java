package dev.greenlight.local.aws.eventbridge;

import dev.greenlight.local.aws.LocalAccount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * A rule on a bus: its compiled pattern, its schedule, or both (at least one), whether it is on,
 * and its targets in the order they were put.
 */
record EventRule(String name, String eventBusName, Optional<EventPattern> pattern, Optional<Schedule> schedule,
        RuleState state, String description, List<Target> targets, Instant createdAt) {

    EventRule {
        targets = List.copyOf(targets);
    }

    String arn() {
        return LocalAccount.arn("events", "rule/" + name);
    }

    boolean enabled() {
        return state == RuleState.ENABLED;
    }

    boolean matches(String eventJson) {
        return pattern.isPresent() && pattern.get().matches(eventJson);
    }

    String patternText() {
        return pattern.map(EventPattern::text).orElse(null);
    }

    String scheduleExpression() {
        return schedule.map(Schedule::expression).orElse(null);
    }

    EventRule withState(RuleState newState) {
        return new EventRule(name, eventBusName, pattern, schedule, newState, description, targets, createdAt);
    }

    EventRule withTargets(List<Target> newTargets) {
        return new EventRule(name, eventBusName, pattern, schedule, state, description, newTargets, createdAt);
    }
}
