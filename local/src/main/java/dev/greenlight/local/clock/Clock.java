package dev.greenlight.local.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

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

    /**
     * Runs work that is not the clock's and may block, such as a function's uploaded handler: in
     * virtual time at once, taking no time; in real time on a thread of its own, so that the clock
     * keeps running meanwhile (and can time the work out), its outcome handed back on the clock.
     */
    default <T> CompletableFuture<T> runOutside(Callable<T> work) {
        try {
            return CompletableFuture.completedFuture(work.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A scheduled action that can still be called off. */
    interface Timer {
        /** Returns false when the action already ran or was cancelled. */
        boolean cancel();
    }
}
