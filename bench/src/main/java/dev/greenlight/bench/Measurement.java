package dev.greenlight.bench;

/** The measured rounds of one scenario, summed. */
record Measurement(String scenario, String unit, int rounds, long operations, long transitions, long nanos) {

    double seconds() {
        return nanos / 1e9;
    }

    double operationsPerSecond() {
        return operations / seconds();
    }

    double transitionsPerSecond() {
        return transitions / seconds();
    }

    double microsPerOperation() {
        return nanos / 1e3 / operations;
    }
}
