package dev.greenlight.local.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** States.UUID: "a version 4 universally unique identifier (v4 UUID) generated using random numbers". */
public final class UuidFunction {

    private static final long VERSION_MASK = 0xF000L;
    private static final long VERSION_4 = 0x4000L;
    private static final long VARIANT_MASK = 0xC000_0000_0000_0000L;
    private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;

    private UuidFunction() {
    }

    /** 122 random bits from {@code random}; the other six say "version 4, IETF variant" (RFC 9562). */
    public static JsonNode uuid(RandomGenerator random) {
        long high = random.nextLong() & ~VERSION_MASK | VERSION_4;
        long low = random.nextLong() & ~VARIANT_MASK | VARIANT_IETF;
        return TextNode.valueOf(new UUID(high, low).toString());
    }
}
