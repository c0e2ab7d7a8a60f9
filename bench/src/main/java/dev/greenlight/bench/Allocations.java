package dev.greenlight.bench;

import java.lang.management.ManagementFactory;

/**
 * What the measured work costs beyond wall time: bytes the current thread has allocated on the heap (HotSpot counts
 * them per thread), and CPU time of the whole process, its collector and compiler threads included, which another
 * process on a busy machine slows far less than wall time.
 */
final class Allocations {

    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    /** The engine runs an execution in virtual time on the thread that starts it, so this counts all of it. */
    static long ofThisThread() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    static long processCpuNanos() {
        return SYSTEM.getProcessCpuTime();
    }
}
