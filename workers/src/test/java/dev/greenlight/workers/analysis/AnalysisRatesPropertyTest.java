package dev.greenlight.workers.analysis;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * How often the analysis is wrong, over random seeds: a canary as the pipeline watches it (a look
 * every minute over the cumulative counts, 15 minutes, 10 % of users on green) under noisy traffic
 * (2 to 20 requests a second, each minute's volume 0.5 to 1.5 times the mean, a baseline 5xx share of
 * 0 to 2 %, log-normal response times). The false-alarm rate counts good releases that any look
 * fails; the detection rate counts bad releases (two more percentage points of 5xx) that a look fails.
 * Measured with the fixed seed: false alarms 23 of 1,000 (2.3 %: 15 looks at a 1 % level each, the
 * price of looking every minute), detection 907 of 1,000 (90.7 %) over 2-20 requests/s and 988 of
 * 1,000 (98.8 %) from 8 requests/s; the bounds leave room for other seeds.
 * Run {@code mvn -pl workers -am test -Dtest=AnalysisRatesPropertyTest} and read jqwik's statistics.
 */
class AnalysisRatesPropertyTest {

    private static final Limits LIMITS = new Limits(100, 0.99, 0.01, 1.5);
    private static final int MINUTES = 15;

    @Property(tries = 1000, seed = "20261206")
    void goodReleases_underNoisyTraffic_rarelyFail(@ForAll long seed) {
        boolean failed = canary(new Random(seed), 0.0, 2, 20).failedAtSomeLook();
        Statistics.label("false alarm").collect(failed);
        Statistics.label("false alarm").coverage(check -> check.check(true).percentage(p -> p < 4));
    }

    /** Quiet services (2 requests a second: about 12 on green a minute) are where the test has least power. */
    @Property(tries = 1000, seed = "20261206")
    void badReleases_twoPointsMoreErrors_areMostlyDetected(@ForAll long seed) {
        Outcome outcome = canary(new Random(seed), 0.02, 2, 20);
        Statistics.label("detected").collect(outcome.failedAtSomeLook());
        Statistics.label("detected").coverage(check -> check.check(true).percentage(p -> p > 85));
    }

    @Property(tries = 1000, seed = "20261206")
    void badReleases_onBusierServices_areAlmostAlwaysDetected(@ForAll long seed) {
        Outcome outcome = canary(new Random(seed), 0.02, 8, 20);
        Statistics.label("detected (8-20 requests/s)").collect(outcome.failedAtSomeLook());
        Statistics.label("detected (8-20 requests/s)").coverage(check -> check.check(true).percentage(p -> p > 96));
    }

    record Outcome(boolean failedAtSomeLook, boolean passedAtTheEnd) {
    }

    /** One canary: {@code extraErrorRate} is what green adds to blue's 5xx share (0: a good release). */
    static Outcome canary(Random random, double extraErrorRate, double minRps, double maxRps) {
        double rps = minRps + random.nextDouble() * (maxRps - minRps);
        double baseErrorRate = random.nextDouble() * 0.02;
        double medianSeconds = 0.01 + random.nextDouble() * 0.2;
        Traffic green = Traffic.NONE;
        Traffic blue = Traffic.NONE;
        Analysis last = null;
        boolean failed = false;
        for (int minute = 0; minute < MINUTES && !failed; minute++) {
            long requests = Math.round(rps * 60 * (0.5 + random.nextDouble()));
            Traffic[] sides = minute(random, requests, baseErrorRate, baseErrorRate + extraErrorRate, medianSeconds);
            green = green.plus(sides[0]);
            blue = blue.plus(sides[1]);
            last = CanaryAnalysis.analyse(green, blue, LIMITS);
            failed = last.verdict() == EvidenceVerdict.FAIL;
        }
        return new Outcome(failed, !failed && last.verdict() == EvidenceVerdict.PASS);
    }

    private static Traffic[] minute(Random random, long requests, double blueRate, double greenRate,
            double medianSeconds) {
        long[] counts = new long[4];
        double[] latency = new double[2];
        for (long i = 0; i < requests; i++) {
            int side = random.nextDouble() < 0.10 ? 0 : 1;
            counts[side * 2]++;
            if (random.nextDouble() < (side == 0 ? greenRate : blueRate)) {
                counts[side * 2 + 1]++;
            }
            latency[side] += medianSeconds * Math.exp(0.5 * random.nextGaussian());
        }
        return new Traffic[] {new Traffic(counts[0], counts[1], counts[0], latency[0]),
            new Traffic(counts[2], counts[3], counts[2], latency[1])};
    }
}
