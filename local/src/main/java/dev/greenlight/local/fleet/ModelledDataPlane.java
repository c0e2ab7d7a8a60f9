package dev.greenlight.local.fleet;

import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Virtual time without sockets: apps are behaviours behind made-up ports, a request is
 * answered at once with the status and latency its app's profile gives, and health checks
 * answer on the clock. Deterministic: the same profiles and weights give the same counts.
 */
final class ModelledDataPlane implements DataPlane {

    private static final int FIRST_APP_PORT = 40_000;
    private static final int FIRST_LISTENER_PORT = 30_000;

    private final Clock clock;
    private final Map<Endpoint, AppBehaviour> apps = new HashMap<>();
    private final Map<Integer, ListenerRouting> listeners = new HashMap<>();
    private int nextAppPort = FIRST_APP_PORT;
    private int nextListenerPort = FIRST_LISTENER_PORT;

    ModelledDataPlane(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Endpoint start(AppProfile profile) {
        if (profile.crashesAtStart()) {
            throw new AppCrashedException(profile.version());
        }
        Endpoint endpoint = Endpoint.loopback(nextAppPort++);
        apps.put(endpoint, new AppBehaviour(profile));
        return endpoint;
    }

    @Override
    public synchronized void stop(Endpoint app) {
        apps.remove(app);
    }

    @Override
    public void probe(Endpoint target, HealthCheck check, Consumer<ProbeResult> result) {
        Optional<AppBehaviour> app = app(target);
        ProbeResult verdict = app
                .map(behaviour -> ProbeResult.of(behaviour.status(check.path()), behaviour.profile().addedLatency(),
                        check))
                .orElseGet(ProbeResult::unreachable);
        clock.execute(() -> result.accept(verdict));
    }

    @Override
    public synchronized int openListener(ListenerRouting routing) {
        int port = nextListenerPort++;
        listeners.put(port, routing);
        return port;
    }

    @Override
    public synchronized void closeListener(int port) {
        listeners.remove(port);
    }

    @Override
    public void send(int listenerPort, String path, Consumer<UserResponse> done) {
        ListenerRouting routing;
        synchronized (this) {
            routing = listeners.get(listenerPort);
        }
        done.accept(routing == null ? UserResponse.noAnswer(Duration.ZERO) : serve(routing, path));
    }

    @Override
    public void close() {
        // Nothing to release: no sockets, no threads.
    }

    private UserResponse serve(ListenerRouting routing, String path) {
        Optional<Route> route = routing.route();
        if (route.isEmpty()) {
            return new UserResponse(503, Duration.ZERO, null);
        }
        Optional<AppBehaviour> app = app(route.get().target());
        if (app.isEmpty()) {
            routing.unreachable(route.get());
            return new UserResponse(502, Duration.ZERO, null);
        }
        int status = app.get().status(path);
        Duration latency = app.get().profile().addedLatency();
        routing.answered(route.get(), status, latency);
        return new UserResponse(status, latency, app.get().profile().version());
    }

    private synchronized Optional<AppBehaviour> app(Endpoint endpoint) {
        return Optional.ofNullable(apps.get(endpoint));
    }
}
