package dev.greenlight.workers.analysis;

/**
 * A verdict with its numbers, as the execution history records it: what green and blue served,
 * the error test (its name, p-value, significance level and the rate it compared against) and
 * the latency ratio against its limit; {@code reason} says it in one sentence.
 */
public record Analysis(EvidenceVerdict verdict, String reason, Side green, Side blue, ErrorTest errors,
        LatencyCheck latency) {

    /** One target group's figures: requests, 5xx, their share and the mean response time (ms, null: none). */
    public record Side(long requests, long errors, double errorRate, Double meanLatencyMs) {
        static Side of(Traffic traffic) {
            return new Side(traffic.requests(), traffic.errors(), traffic.errorRate(), traffic.meanLatencyMs());
        }
    }

    /**
     * {@code statistic}: "fisher-exact" (green against blue) or "binomial-exact" (green against
     * {@code comparedWith} = maxErrorRate, blue too quiet); failed when {@code pValue < alpha}.
     */
    public record ErrorTest(String statistic, double comparedWith, double pValue, double alpha, boolean failed) {
    }

    /** Green's mean response time over blue's; null ratio when either has none. */
    public record LatencyCheck(Double ratio, double limit, boolean failed) {
    }
}
