package dev.greenlight.workers.synthetic;

import java.util.Map;

/**
 * What one stretch of synthetic load saw, the evidence it leaves in the execution history: requests
 * sent, answers by status ({@code "none"}: no answer), {@code failures} (anything but the expected
 * status, unanswered included), and the answered requests' latency in milliseconds.
 */
public record LoadReport(String testUrl, int seconds, double requestsPerSecond, int expectStatus, long sent,
        Map<String, Long> byStatus, long failures, Latency latency, String startedAt, String endedAt) {

    /** Mean, 90th percentile and maximum of the answered requests; all zero when none answered. */
    public record Latency(long meanMs, long p90Ms, long maxMs) {
    }
}
