package dev.greenlight.local.asl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Parse caches stay bounded however many distinct expressions a long-running twin meets. */
class ParseCacheTest {

    @Test
    void parsesEachTextOnceWhileItIsKept() {
        AtomicInteger parses = new AtomicInteger();
        ParseCache<Integer> cache = new ParseCache<>(10);

        cache.computeIfAbsent("$.a", text -> parses.incrementAndGet());
        cache.computeIfAbsent("$.a", text -> parses.incrementAndGet());

        assertThat(parses).hasValue(1);
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        ParseCache<String> cache = new ParseCache<>(100);

        for (int i = 0; i < 10_000; i++) {
            assertThat(cache.computeIfAbsent("$.field" + i, String::toUpperCase)).isEqualTo("$.FIELD" + i);
            assertThat(cache.size()).isLessThanOrEqualTo(100);
        }
    }
}
