package dev.greenlight.cli.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The console session's token against cross-site requests: random, made when the console starts,
 * embedded in the page it serves; a POST must carry it in {@link #HEADER}. Another site can make a
 * browser send a POST to 127.0.0.1, but cannot read the page, so cannot know the token.
 */
final class CsrfToken {

    static final String HEADER = "X-Greenlight-Token";

    private final String value;

    private CsrfToken(String value) {
        this.value = value;
    }

    static CsrfToken random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new CsrfToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    String value() {
        return value;
    }

    /** Compared in constant time: how long the comparison takes says nothing of the token. */
    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
