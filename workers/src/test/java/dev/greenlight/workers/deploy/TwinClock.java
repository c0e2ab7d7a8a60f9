package dev.greenlight.workers.deploy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The twin's clock as the {@link java.time.Clock} workers read: virtual time reaches the worker too. */
public final class TwinClock extends Clock {

    private final dev.greenlight.local.clock.Clock clock;

    public TwinClock(dev.greenlight.local.clock.Clock clock) {
        this.clock = clock;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return clock.now();
    }
}
