package dev.greenlight.bench;

import java.lang.management.ManagementFactory;

/** Bytes the current thread has allocated on the heap so far (HotSpot counts them per thread). */
final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    /** The engine runs an execution in virtual time on the thread that starts it, so this counts all of it. */
    static long ofThisThread() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
