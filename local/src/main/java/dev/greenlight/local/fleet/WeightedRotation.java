package dev.greenlight.local.fleet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Picks target groups in proportion to their weights, spread evenly and deterministically
 * (smooth weighted round robin): with 90/10, exactly one request in ten goes to the second
 * group, so a canary's share is the same in real and virtual time.
 */
final class WeightedRotation {

    private final Map<String, Integer> weights;
    private final Map<String, Long> credit = new LinkedHashMap<>();

    WeightedRotation(Map<String, Integer> weights) {
        this.weights = Map.copyOf(weights);
        weights.keySet().forEach(id -> credit.put(id, 0L));
    }

    Optional<String> next() {
        long total = weights.values().stream().mapToLong(Integer::longValue).sum();
        if (total == 0) {
            return Optional.empty();
        }
        String best = null;
        for (Map.Entry<String, Long> entry : credit.entrySet()) {
            long grown = entry.getValue() + weights.get(entry.getKey());
            entry.setValue(grown);
            if (best == null || grown > credit.get(best)) {
                best = entry.getKey();
            }
        }
        credit.put(best, credit.get(best) - total);
        return Optional.of(best);
    }

    Map<String, Integer> weights() {
        return weights;
    }
}
