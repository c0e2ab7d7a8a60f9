package dev.greenlight.local.fleet;

import dev.greenlight.local.clock.Clock;
import java.time.Duration;

/**
 * The local twin's data plane, in one of two modes on the one clock. In real time apps are
 * real HTTP servers and listeners real proxies on 127.0.0.1; in virtual time no socket is
 * opened and every request is modelled from the same profiles and weights, so a 15-minute
 * canary runs in milliseconds with the same counts. The ECS twin starts and stops apps, the
 * ELB twin drives the {@link #loadBalancer()}, and neither needs to know the mode.
 */
public final class Fleet implements AutoCloseable {

    /** ALB publishes its metrics every 60 seconds. */
    public static final Duration METRIC_PERIOD = Duration.ofSeconds(60);

    private final Clock clock;
    private final DataPlane dataPlane;
    private final LoadBalancer loadBalancer;

    private Fleet(Clock clock, DataPlane dataPlane, MetricPublisher metrics) {
        this.clock = clock;
        this.dataPlane = dataPlane;
        this.loadBalancer = new LoadBalancer(clock, dataPlane, metrics, METRIC_PERIOD);
    }

    /** Real HTTP on loopback; {@code clock} should be a real-time clock. */
    public static Fleet realTime(Clock clock, MetricPublisher metrics) {
        return new Fleet(clock, new RealDataPlane(clock), metrics);
    }

    /** No sockets: requests are modelled on {@code clock} (a virtual clock in tests). */
    public static Fleet virtualTime(Clock clock, MetricPublisher metrics) {
        return new Fleet(clock, new ModelledDataPlane(clock), metrics);
    }

    /** Starts an app from its image's profile; throws {@link AppCrashedException} when it crashes. */
    public Endpoint startApp(AppProfile profile) {
        return dataPlane.start(profile);
    }

    public void stopApp(Endpoint app) {
        dataPlane.stop(app);
    }

    /** One request for {@code path} through a listener, as a smoke test sends it; modelled in virtual time. */
    public void request(int listenerPort, String path, java.util.function.Consumer<UserResponse> done) {
        dataPlane.send(listenerPort, path, done);
    }

    public LoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** Starts sending users' requests to the listener on {@code listenerPort}, as {@code plan} says. */
    public TrafficGenerator sendTraffic(int listenerPort, TrafficPlan plan) {
        return TrafficGenerator.start(clock, dataPlane, listenerPort, plan);
    }

    @Override
    public void close() {
        loadBalancer.close();
        dataPlane.close();
    }
}
