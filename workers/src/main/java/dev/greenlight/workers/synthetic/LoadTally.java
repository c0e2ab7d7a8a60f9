package dev.greenlight.workers.synthetic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts answers as they come, then states them as a {@link LoadReport}'s numbers. */
final class LoadTally {

    static final String NO_ANSWER = "none";

    private final int expectStatus;
    private final Map<String, Long> byStatus = new TreeMap<>();
    private final List<Long> latenciesMs = new ArrayList<>();
    private long sent;
    private long failures;

    LoadTally(int expectStatus) {
        this.expectStatus = expectStatus;
    }

    void answered(int status, Duration latency) {
        count(Integer.toString(status));
        latenciesMs.add(latency.toMillis());
        if (status != expectStatus) {
            failures++;
        }
    }

    void unanswered() {
        count(NO_ANSWER);
        failures++;
    }

    long sent() {
        return sent;
    }

    long failures() {
        return failures;
    }

    Map<String, Long> byStatus() {
        return Map.copyOf(byStatus);
    }

    LoadReport.Latency latency() {
        if (latenciesMs.isEmpty()) {
            return new LoadReport.Latency(0, 0, 0);
        }
        List<Long> sorted = latenciesMs.stream().sorted().toList();
        long mean = Math.round(sorted.stream().mapToLong(Long::longValue).average().orElse(0));
        long p90 = sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
        return new LoadReport.Latency(mean, p90, sorted.get(sorted.size() - 1));
    }

    private void count(String key) {
        sent++;
        byStatus.merge(key, 1L, Long::sum);
    }
}
