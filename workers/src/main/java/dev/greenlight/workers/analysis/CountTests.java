package dev.greenlight.workers.analysis;

/**
 * Exact one-sided tests for counts, valid at any sample size (no normal approximation): the
 * p-value is the probability, if green were no worse, of seeing at least as many errors as it had.
 */
final class CountTests {

    private CountTests() {
    }

    /**
     * Fisher's exact test, one-sided: P(X >= greenErrors) for X hypergeometric, the errors of both
     * groups spread over their requests at random (green no worse than blue).
     */
    static double fisherGreater(long greenErrors, long greenRequests, long blueErrors, long blueRequests) {
        long errors = greenErrors + blueErrors;
        long total = greenRequests + blueRequests;
        long upper = Math.min(errors, greenRequests);
        if (greenErrors <= 0) {
            return 1;
        }
        double logDenominator = logChoose(total, greenRequests);
        double[] logTerms = new double[(int) (upper - greenErrors + 1)];
        for (long x = greenErrors; x <= upper; x++) {
            logTerms[(int) (x - greenErrors)] = logChoose(errors, x) + logChoose(total - errors, greenRequests - x)
                    - logDenominator;
        }
        return Math.min(1, sumOfExps(logTerms));
    }

    /** The binomial upper tail P(X >= errors) for X ~ Binomial(requests, rate): green's errors if its rate were {@code rate}. */
    static double binomialGreater(long errors, long requests, double rate) {
        if (errors <= 0) {
            return 1;
        }
        if (rate <= 0) {
            return 0;
        }
        if (rate >= 1) {
            return 1;
        }
        double[] logTerms = new double[(int) (requests - errors + 1)];
        for (long x = errors; x <= requests; x++) {
            logTerms[(int) (x - errors)] = logChoose(requests, x) + x * Math.log(rate)
                    + (requests - x) * Math.log1p(-rate);
        }
        return Math.min(1, sumOfExps(logTerms));
    }

    private static double sumOfExps(double[] logs) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : logs) {
            max = Math.max(max, value);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        double sum = 0;
        for (double value : logs) {
            sum += Math.exp(value - max);
        }
        return Math.exp(max) * sum;
    }

    static double logChoose(long n, long k) {
        if (k < 0 || k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    /** ln(n!) as lnΓ(n + 1), by Lanczos' approximation (g = 7, nine terms: about 15 significant digits). */
    static double logFactorial(long n) {
        double x = n + 1;
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        double sum = c[0];
        double t = x + 6.5;
        for (int i = 1; i < c.length; i++) {
            sum += c[i] / (x - 1 + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x - 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
