package dev.greenlight.local.fleet;

import dev.greenlight.local.clock.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a plan's requests to a listener on loopback, each at its own instant on the clock
 * (computed from the start, so real time does not drift), and records what users saw.
 */
public final class TrafficGenerator {

    private final Clock clock;
    private final DataPlane dataPlane;
    private final int listenerPort;
    private final TrafficPlan plan;
    private final Instant start;
    private final List<UserResponse> responses = new ArrayList<>();
    private long sent;
    private boolean stopped;
    private Clock.Timer next;

    private TrafficGenerator(Clock clock, DataPlane dataPlane, int listenerPort, TrafficPlan plan) {
        this.clock = clock;
        this.dataPlane = dataPlane;
        this.listenerPort = listenerPort;
        this.plan = plan;
        this.start = clock.now();
    }

    static TrafficGenerator start(Clock clock, DataPlane dataPlane, int listenerPort, TrafficPlan plan) {
        TrafficGenerator generator = new TrafficGenerator(clock, dataPlane, listenerPort, plan);
        generator.scheduleNext();
        return generator;
    }

    /** Sends no more requests; answers still on their way are still counted. */
    public synchronized void stop() {
        stopped = true;
        next.cancel();
    }

    /** Whether every planned request was sent (or the generator stopped) and every sent one answered. */
    public synchronized boolean finished() {
        return (stopped || sent == plan.requests()) && responses.size() == sent;
    }

    public synchronized TrafficReport report() {
        return TrafficReport.of(sent, List.copyOf(responses));
    }

    private synchronized void scheduleNext() {
        if (stopped || sent == plan.requests()) {
            return;
        }
        Instant due = start.plus(plan.offset(sent));
        next = clock.schedule(java.time.Duration.between(clock.now(), due), this::sendOne);
    }

    private void sendOne() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            sent++;
        }
        dataPlane.send(listenerPort, "/", this::record);
        scheduleNext();
    }

    private synchronized void record(UserResponse response) {
        responses.add(response);
    }
}
