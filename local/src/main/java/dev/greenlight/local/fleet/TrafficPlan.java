package dev.greenlight.local.fleet;

import java.time.Duration;

/** A steady rate of user requests, bounded both in time and in count. */
public record TrafficPlan(double requestsPerSecond, Duration duration, long maxRequests) {

    public TrafficPlan {
        if (requestsPerSecond <= 0 || requestsPerSecond > 1_000) {
            throw new IllegalArgumentException("requestsPerSecond must be within (0, 1000]: " + requestsPerSecond);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be positive: " + maxRequests);
        }
    }

    /** How many requests the plan sends: the rate over the duration, capped by the count. */
    public long requests() {
        long byTime = (long) Math.floor(requestsPerSecond * duration.toNanos() / 1e9);
        return Math.max(1, Math.min(maxRequests, byTime));
    }

    /** When request {@code index} (from 0) leaves, counted from the start. */
    public Duration offset(long index) {
        return Duration.ofNanos(Math.round(index * 1e9 / requestsPerSecond));
    }
}
