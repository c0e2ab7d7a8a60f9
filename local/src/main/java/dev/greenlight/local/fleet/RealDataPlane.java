package dev.greenlight.local.fleet;

import dev.greenlight.local.clock.Clock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Real HTTP on 127.0.0.1: sample app servers, listener proxies, health checks and user requests. */
final class RealDataPlane implements DataPlane {

    private static final Duration USER_TIMEOUT = Duration.ofSeconds(10);

    private final Clock clock;
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(4, SampleApp.daemon("fleet-client"));
    private final HttpClient client = HttpClient.newBuilder().executor(clientThreads)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Endpoint, SampleApp> apps = new ConcurrentHashMap<>();
    private final Map<Integer, ListenerProxy> listeners = new ConcurrentHashMap<>();

    RealDataPlane(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Endpoint start(AppProfile profile) {
        SampleApp app = SampleApp.start(profile, clock);
        apps.put(app.endpoint(), app);
        return app.endpoint();
    }

    @Override
    public void stop(Endpoint app) {
        SampleApp stopped = apps.remove(app);
        if (stopped != null) {
            stopped.close();
        }
    }

    @Override
    public void probe(Endpoint target, HealthCheck check, Consumer<ProbeResult> result) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + target + check.path()))
                .timeout(check.timeout()).GET().build();
        Instant sent = clock.now();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            ProbeResult verdict = failure != null ? failed(failure)
                    : ProbeResult.of(answer.statusCode(), Duration.between(sent, clock.now()), check);
            clock.execute(() -> result.accept(verdict));
        });
    }

    @Override
    public int openListener(ListenerRouting routing) {
        ListenerProxy proxy = ListenerProxy.open(routing, client, clock);
        listeners.put(proxy.port(), proxy);
        return proxy.port();
    }

    @Override
    public void closeListener(int port) {
        ListenerProxy closed = listeners.remove(port);
        if (closed != null) {
            closed.close();
        }
    }

    @Override
    public void send(int listenerPort, String path, Consumer<UserResponse> done) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + Endpoint.loopback(listenerPort) + path))
                .timeout(USER_TIMEOUT).GET().build();
        Instant sent = clock.now();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            Duration latency = Duration.between(sent, clock.now());
            done.accept(failure != null ? UserResponse.noAnswer(latency)
                    : new UserResponse(answer.statusCode(), latency,
                            answer.headers().firstValue(UserResponse.VERSION_HEADER).orElse(null)));
        });
    }

    @Override
    public void close() {
        listeners.values().forEach(ListenerProxy::close);
        apps.values().forEach(SampleApp::close);
        listeners.clear();
        apps.clear();
        clientThreads.shutdownNow();
    }

    private static ProbeResult failed(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof HttpTimeoutException ? ProbeResult.timedOut() : ProbeResult.unreachable();
    }
}
