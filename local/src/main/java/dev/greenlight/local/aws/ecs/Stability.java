package dev.greenlight.local.aws.ecs;

import software.amazon.awssdk.services.ecs.model.StabilityStatus;

/**
 * A task set's stability as ECS defines it: steady when as many tasks run as the computed desired
 * count and none is pending; stabilizing otherwise.
 */
final class Stability {

    private Stability() {
    }

    static StabilityStatus of(int computedDesiredCount, int running, int pending) {
        return running == computedDesiredCount && pending == 0 ? StabilityStatus.STEADY_STATE
                : StabilityStatus.STABILIZING;
    }
}
