package dev.greenlight.local.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The one clock shared by the ASL engine, the service twins and the fleet. Everything that
 * waits schedules an action instead of sleeping, so the same code runs in virtual time (tests,
 * benchmarks: a 15-minute canary in milliseconds) and in real time (the demo).
 *
 * <p>Actions run one at a time, in time order, so code driven by the clock needs no locks.
 */
public interface Clock {

    Instant now();

    /** Runs {@code action} once {@code delay} has passed; zero or negative runs it next. */
    Timer schedule(Duration delay, Runnable action);

    /** Runs {@code action} as soon as the clock gets to it, after what is already due. */
    default void execute(Runnable action) {
        schedule(Duration.ZERO, action);
    }

    /** A scheduled action that can still be called off. */
    interface Timer {
        /** Returns false when the action already ran or was cancelled. */
        boolean cancel();
    }
}
