package dev.greenlight.local.asl.intrinsics;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Base64;

/** The intrinsics for data encoding and decoding: States.Base64Encode and States.Base64Decode, of UTF-8 text. */
final class Base64Functions {

    /** AWS: "a data string of up to 10,000 characters", for both functions. */
    static final int INPUT_LIMIT = 10_000;

    private Base64Functions() {
    }

    static JsonNode encode(Arguments arguments) {
        String data = arguments.string(0, "data to encode", INPUT_LIMIT);
        return TextNode.valueOf(Base64.getEncoder().encodeToString(data.getBytes(UTF_8)));
    }

    /**
     * AWS names the "MIME Base64 decoding scheme", and decodes unpadded input and input with
     * spaces around it; the JDK's MIME decoder does the same.
     */
    static JsonNode decode(Arguments arguments) {
        String data = arguments.string(0, "data to decode", INPUT_LIMIT);
        try {
            return TextNode.valueOf(new String(Base64.getMimeDecoder().decode(data), UTF_8));
        } catch (IllegalArgumentException e) {
            throw arguments.invalid("the data to decode is not Base64.");
        }
    }
}
