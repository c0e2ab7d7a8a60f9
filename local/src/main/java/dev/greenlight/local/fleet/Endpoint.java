package dev.greenlight.local.fleet;

import java.util.Objects;

/** Where a target answers: an IP address and a port, as an ELB ip target names it. */
public record Endpoint(String host, int port) {

    public static final String LOOPBACK = "127.0.0.1";

    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static Endpoint loopback(int port) {
        return new Endpoint(LOOPBACK, port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
