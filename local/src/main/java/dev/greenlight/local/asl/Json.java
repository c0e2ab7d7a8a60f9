package dev.greenlight.local.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/** The one JSON mapper for the engine, with numbers kept exactly as written. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private Json() {
    }

    /** Parses JSON text; throws {@link JsonProcessingException} wrapped when it is not JSON. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@link #write}'s text is longer than {@code limit} UTF-8 bytes. A bound taken from the tree alone
     * answers most payloads, which are far below any limit, without writing them; near the limit the text is counted.
     */
    public static boolean longerThan(JsonNode node, long limit) {
        return upperBound(node) > limit && utf8Length(node) > limit;
    }

    /** At least the length of the node's compact UTF-8 text: a character is at most 6 bytes ("\\u001f"). */
    private static long upperBound(JsonNode node) {
        // One switch on the node's type: this walks every state's output, and most outputs are small and plain.
        switch (node.getNodeType()) {
            case OBJECT -> {
                long length = 2 + node.size();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    length += 2 + 6L * field.getKey().length() + upperBound(field.getValue());
                }
                return length;
            }
            case ARRAY -> {
                long length = 2 + node.size();
                for (int i = 0; i < node.size(); i++) {
                    length += upperBound(node.get(i));
                }
                return length;
            }
            case STRING -> {
                return 2 + 6L * node.textValue().length();
            }
            case BOOLEAN, NULL -> {
                return 32;
            }
            case NUMBER -> {
                return switch (node.numberType()) {
                    // BigDecimal.toString: the digits, a sign, a point, at most six leading zeros or an exponent.
                    case BIG_DECIMAL -> node.decimalValue().precision() + 24L;
                    case BIG_INTEGER -> node.bigIntegerValue().bitLength() / 3 + 2L;
                    default -> 32;
                };
            }
            default -> {
                // Binary and POJO values: their written length is not known from the tree; more than any limit.
                return 1L << 40;
            }
        }
    }

    /** The length in UTF-8 bytes of {@link #write}'s text, as {@code String.getBytes(UTF_8)} counts it, without keeping it. */
    public static long utf8Length(JsonNode node) {
        Utf8Counter counter = new Utf8Counter();
        try {
            MAPPER.writeValue(counter, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.bytes;
    }

    /** Counts as Java's UTF-8 encoder writes: a surrogate pair is 4 bytes, a lone surrogate its 1-byte '?'. */
    private static final class Utf8Counter extends Writer {
        long bytes;
        private boolean highSurrogatePending;

        @Override
        public void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                count(chars[i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                count(text.charAt(i));
            }
        }

        private void count(char c) {
            if (highSurrogatePending) {
                highSurrogatePending = false;
                if (Character.isLowSurrogate(c)) {
                    bytes += 3; // with the 1 already counted for the high surrogate: 4
                    return;
                }
            }
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 1;
                highSurrogatePending = true;
            } else if (Character.isLowSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Compact JSON text, as Step Functions writes payloads. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
