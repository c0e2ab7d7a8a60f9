package dev.greenlight.local.aws;

import java.util.Optional;

/**
 * The access key that signed the call a twin is serving, where the SDK client interface has no
 * room for it: the wire gateway binds it from the SigV4 {@code Authorization} header for the
 * length of one call. In-process calls bind nothing and act as the account root.
 */
public final class CallerCredentials {

    private static final ThreadLocal<String> ACCESS_KEY = new ThreadLocal<>();

    private CallerCredentials() {
    }

    public static Optional<String> accessKeyId() {
        return Optional.ofNullable(ACCESS_KEY.get());
    }

    /** Binds {@code accessKeyId} (null for none) until the returned scope closes. */
    public static Scope bind(String accessKeyId) {
        String previous = ACCESS_KEY.get();
        ACCESS_KEY.set(accessKeyId);
        return () -> ACCESS_KEY.set(previous);
    }

    /** A binding that ends when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
