package dev.greenlight.local.asl.intrinsics;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** States.Hash: the lowercase hexadecimal digest of the data's UTF-8 bytes. */
public final class HashFunction {

    /** AWS: "The data you provide must be an object string containing 10,000 characters or less." */
    static final int INPUT_LIMIT = 10_000;

    /** AWS's names for the algorithms, which are also the JDK's names for them. */
    public static final List<String> ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private HashFunction() {
    }

    static JsonNode hash(Arguments arguments) {
        String data = arguments.string(0, "data to hash", INPUT_LIMIT);
        String algorithm = arguments.string(1, "hashing algorithm");
        if (!ALGORITHMS.contains(algorithm)) {
            throw arguments.invalid("the hashing algorithm must be one of " + String.join(", ", ALGORITHMS)
                    + ", but it is \"" + algorithm + "\".");
        }
        return TextNode.valueOf(hex(data, algorithm));
    }

    /** The lowercase hexadecimal digest of {@code data}; {@code algorithm} is one of {@link #ALGORITHMS}. */
    public static String hex(String data, String algorithm) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide " + algorithm, e);
        }
    }
}
