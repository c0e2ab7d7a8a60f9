package dev.greenlight.local.asl;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a definition's expressions (paths, intrinsic calls) parse to, kept by their text so a loop
 * parses each once. A twin left running meets new definitions for as long as it runs, so the cache
 * holds at most {@code capacity} entries: when full it starts again empty (parsing again costs
 * microseconds), and a hit costs no more than a ConcurrentHashMap's.
 */
public final class ParseCache<V> {

    /** Far more than any one set of definitions has expressions. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final ConcurrentHashMap<String, V> entries = new ConcurrentHashMap<>();

    public ParseCache() {
        this(DEFAULT_CAPACITY);
    }

    public ParseCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a parse cache holds at least one entry: " + capacity);
        }
        this.capacity = capacity;
    }

    public V get(String text) {
        return entries.get(text);
    }

    public void put(String text, V parsed) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(text, parsed);
    }

    public V computeIfAbsent(String text, Function<String, V> parse) {
        V parsed = entries.get(text);
        if (parsed == null) {
            parsed = parse.apply(text);
            put(text, parsed);
        }
        return parsed;
    }

    public int size() {
        return entries.size();
    }
}
