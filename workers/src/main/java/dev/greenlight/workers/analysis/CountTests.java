package dev.greenlight.workers.analysis;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Exact one-sided tests for counts, valid at any sample size (no normal approximation): the
 * p-value is the probability, if green were no worse, of seeing at least as many errors as it had.
 * Apache Commons Statistics computes them.
 */
final class CountTests {

    private static final FisherExactTest FISHER = FisherExactTest.withDefaults()
            .with(AlternativeHypothesis.GREATER_THAN);
    private static final BinomialTest BINOMIAL = BinomialTest.withDefaults()
            .with(AlternativeHypothesis.GREATER_THAN);

    private CountTests() {
    }

    /**
     * Fisher's exact test, one-sided: P(X >= greenErrors) for X hypergeometric, the errors of both
     * groups spread over their requests at random (green no worse than blue).
     */
    static double fisherGreater(long greenErrors, long greenRequests, long blueErrors, long blueRequests) {
        if (greenErrors <= 0) {
            return 1;
        }
        int[][] table = {
            {Math.toIntExact(greenErrors), Math.toIntExact(greenRequests - greenErrors)},
            {Math.toIntExact(blueErrors), Math.toIntExact(blueRequests - blueErrors)}};
        return FISHER.test(table).getPValue();
    }

    /** The binomial upper tail P(X >= errors) for X ~ Binomial(requests, rate): green's errors if its rate were {@code rate}. */
    static double binomialGreater(long errors, long requests, double rate) {
        if (errors <= 0) {
            return 1;
        }
        return BINOMIAL.test(Math.toIntExact(requests), Math.toIntExact(errors), rate).getPValue();
    }
}
