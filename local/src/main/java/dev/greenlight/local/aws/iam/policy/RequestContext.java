package dev.greenlight.local.aws.iam.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request context's keys and their values ("IAM JSON policy elements: Condition"): key names
 * are case-insensitive, values case-sensitive; a key holds one value or, for multivalued keys such
 * as {@code aws:TagKeys}, several.
 */
public record RequestContext(Map<String, List<String>> values) {

    public RequestContext {
        Map<String, List<String>> byLowerCase = new TreeMap<>();
        values.forEach((key, value) -> byLowerCase.put(key.toLowerCase(Locale.ROOT), List.copyOf(value)));
        values = Map.copyOf(byLowerCase);
    }

    public static RequestContext of(Map<String, String> singleValued) {
        Map<String, List<String>> values = new TreeMap<>();
        singleValued.forEach((key, value) -> values.put(key, List.of(value)));
        return new RequestContext(values);
    }

    /** The values of {@code key}; empty when the request has no such key. */
    public List<String> get(String key) {
        return values.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean has(String key) {
        return values.containsKey(key.toLowerCase(Locale.ROOT));
    }

    public RequestContext with(String key, String value) {
        Map<String, List<String>> copy = new TreeMap<>(values);
        copy.put(key.toLowerCase(Locale.ROOT), List.of(value));
        return new RequestContext(copy);
    }
}
