package dev.greenlight.statemachine.twin;

import dev.greenlight.workers.smoke.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The smoke hook's own time in virtual time: its retries "sleep" by moving this clock ahead of the
 * twin's, so a hook whose checks keep failing still reaches its deadline instead of looping forever.
 */
final class OffsetClock extends Clock implements Sleeper {

    private final Clock base;
    private Duration slept = Duration.ZERO;

    OffsetClock(Clock base) {
        this.base = base;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        slept = slept.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
        return base.instant().plus(slept);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
