package dev.greenlight.local.aws.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** The observations of every metric, and their aggregation into periods. Not thread-safe: the twin guards it. */
final class MetricStore {

    private final Map<MetricKey, List<Observation>> observations = new LinkedHashMap<>();

    void add(MetricKey key, Observation observation) {
        observations.computeIfAbsent(key, k -> new ArrayList<>()).add(observation);
    }

    Set<MetricKey> metrics() {
        return observations.keySet();
    }

    /** When the metric last received data, or null when it never did. */
    Instant lastObserved(MetricKey key) {
        return observations.getOrDefault(key, List.of()).stream()
                .map(Observation::timestamp)
                .max(Instant::compareTo)
                .orElse(null);
    }

    /**
     * The periods {@code [start + k*period, start + (k+1)*period)} before {@code end} that hold
     * data, keyed by their start. A non-null {@code unit} keeps only data sent with that unit.
     */
    NavigableMap<Instant, PeriodAggregate> aggregate(MetricKey key, Instant start, Instant end, Duration period,
            StandardUnit unit) {
        Map<Instant, List<Observation>> byPeriod = new TreeMap<>();
        for (Observation observation : observations.getOrDefault(key, List.of())) {
            Instant at = observation.timestamp();
            if (at.isBefore(start) || !at.isBefore(end) || (unit != null && unit != observation.unit())) {
                continue;
            }
            long index = Duration.between(start, at).toMillis() / period.toMillis();
            byPeriod.computeIfAbsent(start.plus(period.multipliedBy(index)), k -> new ArrayList<>()).add(observation);
        }
        NavigableMap<Instant, PeriodAggregate> result = new TreeMap<>();
        byPeriod.forEach((periodStart, list) -> result.put(periodStart, PeriodAggregate.of(list)));
        return result;
    }
}
