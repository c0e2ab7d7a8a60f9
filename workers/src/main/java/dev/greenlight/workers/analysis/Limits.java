package dev.greenlight.workers.analysis;

import dev.greenlight.workers.config.ServiceConfig.Canary;
import java.math.BigDecimal;

/**
 * What a verdict needs: green served at least {@code minRequests}; its 5xx share not above blue's
 * (or above {@code maxErrorRate} when blue served fewer than {@code minRequests}) with
 * {@code confidence}; its mean response time at most {@code maxLatencyRatio} times blue's.
 */
public record Limits(int minRequests, double confidence, double maxErrorRate, double maxLatencyRatio) {

    public Limits {
        if (minRequests < 1) {
            throw new IllegalArgumentException("minRequests must be at least 1, got " + minRequests);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
    }

    public static Limits of(Canary canary) {
        return new Limits(canary.minRequests(), canary.analysis().confidence(), canary.analysis().maxErrorRate(),
                canary.analysis().maxLatencyRatio());
    }

    /**
     * The significance level: a p-value below it is a failure. Subtracted in decimal, so the evidence
     * the history shows for confidence 0.99 is 0.01, not 0.010000000000000009.
     */
    public double alpha() {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(confidence)).doubleValue();
    }
}
