package dev.greenlight.bench;

/**
 * The measured rounds of one scenario, summed, with the median round's time (a round slowed by another process on
 * a shared machine moves it less than the sum), the process's CPU time over the rounds and the bytes they allocated.
 */
record Measurement(String scenario, String unit, int rounds, long operations, long transitions, long nanos,
        long medianRoundNanos, long cpuNanos, long allocatedBytes) {

    double seconds() {
        return nanos / 1e9;
    }

    double operationsPerSecond() {
        return operations / seconds();
    }

    /** Rounds a second at the median round's pace. */
    double roundsPerSecond() {
        return 1e9 / medianRoundNanos;
    }

    /** State transitions a second at the median round's pace. */
    double medianTransitionsPerSecond() {
        return transitions / (double) rounds * roundsPerSecond();
    }

    double transitionsPerSecond() {
        return transitions / seconds();
    }

    double microsPerOperation() {
        return nanos / 1e3 / operations;
    }

    long cpuNanosPerRound() {
        return cpuNanos / rounds;
    }

    /** A round is one execution for the engine's scenarios. */
    long allocatedBytesPerRound() {
        return allocatedBytes / rounds;
    }
}
