package dev.greenlight.workers.smoke;

import java.time.Duration;

/** Waits between smoke attempts; tests pass one that only moves their clock. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real wait: the smoke hook is the one worker that waits, inside its overall deadline. */
    static Sleeper threadSleep() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
