package dev.greenlight.local.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What users saw: requests sent and answered, successes (2xx) and failures (anything else,
 * including no answer), counts by status and by app version, and latency percentiles.
 */
public record TrafficReport(long sent, long answered, long succeeded, long failed, Map<Integer, Long> byStatus,
        Map<String, Long> byVersion, Duration p50, Duration p90, Duration p99) {

    static TrafficReport of(long sent, List<UserResponse> responses) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        Map<String, Long> byVersion = new TreeMap<>();
        List<Duration> latencies = new ArrayList<>();
        long succeeded = 0;
        for (UserResponse response : responses) {
            byStatus.merge(response.status(), 1L, Long::sum);
            if (response.version() != null) {
                byVersion.merge(response.version(), 1L, Long::sum);
            }
            latencies.add(response.latency());
            succeeded += response.succeeded() ? 1 : 0;
        }
        Collections.sort(latencies);
        return new TrafficReport(sent, responses.size(), succeeded, responses.size() - succeeded,
                Map.copyOf(byStatus), Map.copyOf(byVersion), percentile(latencies, 50), percentile(latencies, 90),
                percentile(latencies, 99));
    }

    /** Nearest-rank percentile; zero when nothing was answered. */
    static Duration percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
