package dev.greenlight.workers.analysis;

/**
 * What one target group served in a window, from the load balancer's metrics: requests
 * ({@code RequestCount}), answers with a 5xx from the targets ({@code HTTPCode_Target_5XX_Count})
 * and the summed response time of {@code answered} requests ({@code TargetResponseTime}).
 */
public record Traffic(long requests, long errors, long answered, double latencySecondsSum) {

    public static final Traffic NONE = new Traffic(0, 0, 0, 0);

    public Traffic {
        if (requests < 0 || errors < 0 || answered < 0 || latencySecondsSum < 0) {
            throw new IllegalArgumentException("traffic counts cannot be negative");
        }
    }

    /** The 5xx share; 0 with no requests. Errors can exceed requests only by metric skew, so capped at 1. */
    public double errorRate() {
        return requests == 0 ? 0 : Math.min(1, (double) errors / requests);
    }

    /** Mean response time in milliseconds, or null when nothing was answered. */
    public Double meanLatencyMs() {
        return answered == 0 ? null : latencySecondsSum / answered * 1000;
    }

    public Traffic plus(Traffic other) {
        return new Traffic(requests + other.requests, errors + other.errors, answered + other.answered,
                latencySecondsSum + other.latencySecondsSum);
    }
}
