package dev.greenlight.workers.analysis;

import java.util.Locale;

/**
 * Green against blue over the same window, a pure function of the load balancer's counts. Absence
 * of evidence is never health: below {@code minRequests} the verdict is INSUFFICIENT_EVIDENCE unless
 * the errors are already significant (a FAIL needs no minimum: the test is exact at any count, and
 * rolling back early keeps the blast radius small). Errors are judged with an exact one-sided test for counts, latency
 * with a relative limit (Kayenta and Argo Rollouts compare the same way; the test is exact so it
 * holds at the small counts of a quiet canary).
 */
public final class CanaryAnalysis {

    public static final String FISHER = "fisher-exact";
    public static final String BINOMIAL = "binomial-exact";

    private CanaryAnalysis() {
    }

    public static Analysis analyse(Traffic green, Traffic blue, Limits limits) {
        Analysis.ErrorTest errors = errorTest(green, blue, limits);
        Analysis.LatencyCheck latency = latencyCheck(green, blue, limits);
        Analysis.Side greenSide = Analysis.Side.of(green);
        Analysis.Side blueSide = Analysis.Side.of(blue);
        if (errors.failed()) {
            return new Analysis(EvidenceVerdict.FAIL, String.format(Locale.ROOT,
                    "green's 5xx share %.4f (%d of %d) is above %s %.4f (%s test, p = %.3g < %.3g)",
                    green.errorRate(), green.errors(), green.requests(),
                    FISHER.equals(errors.statistic()) ? "blue's" : "the limit", errors.comparedWith(),
                    errors.statistic(), errors.pValue(), errors.alpha()), greenSide, blueSide, errors, latency);
        }
        if (latency.failed() && green.requests() >= limits.minRequests()) {
            return new Analysis(EvidenceVerdict.FAIL, String.format(Locale.ROOT,
                    "green's mean response time %.1f ms is %.2f times blue's %.1f ms (limit %.2f)",
                    green.meanLatencyMs(), latency.ratio(), blue.meanLatencyMs(), latency.limit()),
                    greenSide, blueSide, errors, latency);
        }
        if (green.requests() < limits.minRequests()) {
            return new Analysis(EvidenceVerdict.INSUFFICIENT_EVIDENCE, String.format(Locale.ROOT,
                    "green served %d of the %d requests a verdict needs", green.requests(), limits.minRequests()),
                    greenSide, blueSide, errors, latency);
        }
        return new Analysis(EvidenceVerdict.PASS, String.format(Locale.ROOT,
                "green served %d requests, 5xx share %.4f (%s test against %.4f, p = %.3g), latency ratio %s",
                green.requests(), green.errorRate(), errors.statistic(), errors.comparedWith(), errors.pValue(),
                latency.ratio() == null ? "not compared (blue has none)"
                        : String.format(Locale.ROOT, "%.2f", latency.ratio())),
                greenSide, blueSide, errors, latency);
    }

    /** Against blue when blue served enough to be a baseline, else against the configured limit. */
    private static Analysis.ErrorTest errorTest(Traffic green, Traffic blue, Limits limits) {
        long greenErrors = Math.min(green.errors(), green.requests());
        if (blue.requests() >= limits.minRequests()) {
            long blueErrors = Math.min(blue.errors(), blue.requests());
            double p = CountTests.fisherGreater(greenErrors, green.requests(), blueErrors, blue.requests());
            return new Analysis.ErrorTest(FISHER, blue.errorRate(), p, limits.alpha(), p < limits.alpha());
        }
        double p = CountTests.binomialGreater(greenErrors, green.requests(), limits.maxErrorRate());
        return new Analysis.ErrorTest(BINOMIAL, limits.maxErrorRate(), p, limits.alpha(), p < limits.alpha());
    }

    private static Analysis.LatencyCheck latencyCheck(Traffic green, Traffic blue, Limits limits) {
        Double greenMs = green.meanLatencyMs();
        Double blueMs = blue.meanLatencyMs();
        if (greenMs == null || blueMs == null || blueMs <= 0 || blue.requests() < limits.minRequests()) {
            return new Analysis.LatencyCheck(null, limits.maxLatencyRatio(), false);
        }
        double ratio = greenMs / blueMs;
        return new Analysis.LatencyCheck(ratio, limits.maxLatencyRatio(), ratio > limits.maxLatencyRatio());
    }
}
