package dev.greenlight.cli.demo;

import java.time.Duration;

/** How the demo waits between two looks: the wall clock in the demo, a virtual clock's advance in tests. */
@FunctionalInterface
interface Pause {

    /** The wall clock: the demo's main thread only looks, the twin's own threads do the work. */
    Pause REAL = duration -> Thread.sleep(duration.toMillis());

    void pause(Duration duration) throws InterruptedException;
}
