package dev.greenlight.local.clock;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The shared clock as the {@link java.time.Clock} that worker code reads: virtual time reaches it too. */
public final class JavaClock extends java.time.Clock {

    private final Clock clock;

    public JavaClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return clock.now();
    }
}
