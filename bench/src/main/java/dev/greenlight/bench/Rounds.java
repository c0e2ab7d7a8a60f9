package dev.greenlight.bench;

/** Runs a scenario's warm-up rounds, then its measured rounds, timing only the latter. */
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
        while (rounds < budget.minMeasuredRounds() || nanos < measureNanos) {
            long start = System.nanoTime();
            Scenario.Round round = scenario.run();
            nanos += System.nanoTime() - start;
            rounds++;
            operations += round.operations();
            transitions += round.transitions();
        }
        return new Measurement(scenario.name(), scenario.unit(), rounds, operations, transitions, nanos);
    }

    private static void warmUp(Scenario scenario, long warmUpNanos) {
        long start = System.nanoTime();
        do {
            scenario.run();
        } while (System.nanoTime() - start < warmUpNanos);
    }
}
