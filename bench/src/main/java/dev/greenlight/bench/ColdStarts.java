package dev.greenlight.bench;

import java.util.List;
import java.util.function.ToLongFunction;

/** The cold starts of one worker from one build: every measured sample. */
record ColdStarts(String worker, WorkerBuild build, List<FreshJvm.Sample> samples) {

    ColdStarts {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no cold start of " + worker + " from " + build.name());
        }
        samples = List.copyOf(samples);
    }

    double firstResponseMillis(double percentile) {
        return millis(FreshJvm.Sample::firstResponseNanos, percentile);
    }

    double inMainMillis(double percentile) {
        return millis(FreshJvm.Sample::inMainNanos, percentile);
    }

    /** Nearest rank: the smallest sample that at least {@code percentile} of the samples do not exceed. */
    private double millis(ToLongFunction<FreshJvm.Sample> measure, double percentile) {
        long[] sorted = samples.stream().mapToLong(measure).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }
}
