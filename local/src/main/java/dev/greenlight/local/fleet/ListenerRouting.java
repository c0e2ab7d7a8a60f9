package dev.greenlight.local.fleet;

import java.time.Duration;
import java.util.Optional;

/** What a listener's data plane asks the load balancer for each request, in either mode. */
public interface ListenerRouting {

    /** The target for the next request; empty when the forward action has no target (ELB answers 503). */
    Optional<Route> route();

    /** The target answered {@code status} after {@code latency}. */
    void answered(Route route, int status, Duration latency);

    /** The target could not be reached (ELB answers 502). */
    void unreachable(Route route);
}
