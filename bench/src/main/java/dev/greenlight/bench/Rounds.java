package dev.greenlight.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs a scenario's warm-up rounds, then its measured rounds, timing only the latter and counting what they allocate. */
final class Rounds {

    private Rounds() {
    }

    static Measurement measure(Scenario scenario, Budget budget) {
        warmUp(scenario, budget.warmUp().toNanos());
        System.gc();
        int rounds = 0;
        long operations = 0;
        long transitions = 0;
        long nanos = 0;
        long measureNanos = budget.measure().toNanos();
        List<Long> roundNanos = new ArrayList<>();
        long allocatedBefore = Allocations.ofThisThread();
        long cpuBefore = Allocations.processCpuNanos();
        while (rounds < budget.minMeasuredRounds() || nanos < measureNanos) {
            long start = System.nanoTime();
            Scenario.Round round = scenario.run();
            long took = System.nanoTime() - start;
            nanos += took;
            roundNanos.add(took);
            rounds++;
            operations += round.operations();
            transitions += round.transitions();
        }
        long cpu = Allocations.processCpuNanos() - cpuBefore;
        long allocated = Allocations.ofThisThread() - allocatedBefore;
        Collections.sort(roundNanos);
        return new Measurement(scenario.name(), scenario.unit(), rounds, operations, transitions, nanos,
                roundNanos.get(roundNanos.size() / 2), cpu, allocated);
    }

    private static void warmUp(Scenario scenario, long warmUpNanos) {
        long start = System.nanoTime();
        do {
            scenario.run();
        } while (System.nanoTime() - start < warmUpNanos);
    }
}
