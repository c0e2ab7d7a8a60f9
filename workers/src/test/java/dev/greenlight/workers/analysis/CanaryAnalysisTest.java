package dev.greenlight.workers.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanaryAnalysisTest {

    private static final Limits DEFAULT = new Limits(100, 0.99, 0.01, 1.5);

    /** Green's and blue's requests, 5xx and mean latency (ms); the verdict and the test used. */
    @ParameterizedTest(name = "green {0} req {1} 5xx {2} ms, blue {3} req {4} 5xx {5} ms -> {6} ({7})")
    @CsvSource({
        // no traffic at all: never health
        "0,    0,   0,   0,     0,   0,   INSUFFICIENT_EVIDENCE, binomial-exact",
        // a few good requests are too few to promote
        "40,   0,   10,  4000,  0,   10,  INSUFFICIENT_EVIDENCE, fisher-exact",
        // a few requests all failing are enough to fail: a FAIL needs no minimum
        "40,   40,  10,  4000,  0,   10,  FAIL,                  fisher-exact",
        // a few slow requests are not enough to judge latency
        "40,   0,   90,  4000,  0,   10,  INSUFFICIENT_EVIDENCE, fisher-exact",
        // enough requests, as good as blue
        "500,  1,   10,  4500,  9,   10,  PASS,                  fisher-exact",
        // a low error rate on green (2 %) against a lower one on blue (0.1 %)
        "1000, 20,  10,  9000,  9,   10,  FAIL,                  fisher-exact",
        // half the requests failing
        "200,  100, 10,  1800,  0,   10,  FAIL,                  fisher-exact",
        // slower than blue beyond the limit
        "500,  0,   30,  4500,  0,   10,  FAIL,                  fisher-exact",
        // a bit slower, within the limit
        "500,  0,   14,  4500,  0,   10,  PASS,                  fisher-exact",
        // blue too quiet to be a baseline: green against maxErrorRate (1 %)
        "300,  2,   10,  20,    0,   10,  PASS,                  binomial-exact",
        "300,  12,  10,  20,    0,   10,  FAIL,                  binomial-exact",
        // no blue at all (the bake): the limit, latency not compared
        "300,  0,   90,  0,     0,   0,   PASS,                  binomial-exact"})
    void verdicts(long greenRequests, long greenErrors, double greenMs, long blueRequests, long blueErrors,
            double blueMs, EvidenceVerdict verdict, String statistic) {
        Analysis analysis = CanaryAnalysis.analyse(traffic(greenRequests, greenErrors, greenMs),
                traffic(blueRequests, blueErrors, blueMs), DEFAULT);

        assertThat(analysis.verdict()).isEqualTo(verdict);
        assertThat(analysis.errors().statistic()).isEqualTo(statistic);
        assertThat(analysis.reason()).isNotBlank();
        assertThat(analysis.green().requests()).isEqualTo(greenRequests);
        assertThat(analysis.blue().requests()).isEqualTo(blueRequests);
    }

    @org.junit.jupiter.api.Test
    void failingErrors_reasonCarriesTheNumbers() {
        Analysis analysis = CanaryAnalysis.analyse(traffic(1000, 20, 10), traffic(9000, 9, 10), DEFAULT);

        assertThat(analysis.reason()).contains("0.0200", "20 of 1000", "blue's 0.0010", "fisher-exact", "p = ");
        assertThat(analysis.errors().pValue()).isLessThan(0.01);
        assertThat(analysis.errors().alpha()).as("no binary float noise in the evidence").isEqualTo(0.01);
    }

    static Traffic traffic(long requests, long errors, double meanMs) {
        return new Traffic(requests, errors, requests, requests * meanMs / 1000);
    }
}
