package dev.greenlight.local.fleet;

import java.util.function.Consumer;

/**
 * Where apps run and requests travel: real HTTP on loopback ({@link RealDataPlane}) or a
 * deterministic model without sockets ({@link ModelledDataPlane}). Everything above it (health
 * state, weights, metrics, traffic) is the same code in both modes.
 */
interface DataPlane extends AutoCloseable {

    /** Starts an app; throws {@link AppCrashedException} when its profile crashes at start. */
    Endpoint start(AppProfile profile);

    void stop(Endpoint app);

    /** Sends one health check; {@code result} is called on the clock. */
    void probe(Endpoint target, HealthCheck check, Consumer<ProbeResult> result);

    /** Opens a listener that routes through {@code routing}; returns its loopback port. */
    int openListener(ListenerRouting routing);

    void closeListener(int port);

    /** Sends one user request for {@code path} to a listener; {@code done} may be called on another thread. */
    void send(int listenerPort, String path, Consumer<UserResponse> done);

    @Override
    void close();
}
