package dev.greenlight.local.twin.wire;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Short, bounded polling over the wire, for what the real-time twin finishes on its own threads
 * (an execution, a rollback): the only waiting these tests do.
 */
final class Polling {

    private static final Duration INTERVAL = Duration.ofMillis(50);

    private Polling() {
    }

    /** Reads {@code read} until {@code done} holds and returns that reading; fails after {@code limit}. */
    static <T> T until(Supplier<T> read, Predicate<T> done, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        T reading = read.get();
        while (!done.test(reading)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + limit + "; last reading: " + reading);
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
            reading = read.get();
        }
        return reading;
    }
}
