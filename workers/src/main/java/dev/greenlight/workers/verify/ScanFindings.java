package dev.greenlight.workers.verify;

import java.util.List;
import java.util.Map;

/**
 * A completed scan: findings counted by severity (CRITICAL, HIGH, …, only those found) and the
 * vulnerability ids (CVE-…) of each severity.
 */
public record ScanFindings(Map<String, Integer> counts, Map<String, List<String>> names) {

    public static final ScanFindings NONE = new ScanFindings(Map.of(), Map.of());

    public ScanFindings {
        counts = Map.copyOf(counts);
        names = Map.copyOf(names);
    }

    int count(String severity) {
        return counts.getOrDefault(severity, 0);
    }

    List<String> names(String severity) {
        return names.getOrDefault(severity, List.of());
    }
}
