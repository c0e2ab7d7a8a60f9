package dev.greenlight.local.aws.ecs;

import java.time.Duration;

/**
 * ECS's service throttle: when a service's tasks keep stopping on their own, it waits longer and
 * longer before starting replacements, up to a ceiling. The doubling from ten seconds is the
 * twin's choice; AWS documents the behaviour, not the exact steps.
 */
final class RestartThrottle {

    static final Duration CEILING = Duration.ofMinutes(15);
    private static final Duration FIRST = Duration.ofSeconds(10);

    private RestartThrottle() {
    }

    /** The wait before the next start after {@code failures} tasks stopped on their own in a row. */
    static Duration delay(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration delay = FIRST.multipliedBy(1L << Math.min(failures - 1, 16));
        return delay.compareTo(CEILING) > 0 ? CEILING : delay;
    }
}
