package dev.greenlight.local.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * A target group's health check: GET {@code path} every {@code interval}; an answer slower
 * than {@code timeout} or with a code outside {@code matcher} fails. After registration one
 * passing check makes a target healthy; afterwards {@code unhealthyThreshold} consecutive
 * failures take it out and {@code healthyThreshold} consecutive passes put it back.
 */
public record HealthCheck(String path, Duration interval, Duration timeout, int healthyThreshold,
        int unhealthyThreshold, HttpCodeMatcher matcher) {

    public HealthCheck {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(matcher, "matcher");
        if (healthyThreshold < 1 || unhealthyThreshold < 1) {
            throw new IllegalArgumentException("thresholds must be positive");
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
    }

    /** ELB's defaults for an HTTP target group of an Application Load Balancer. */
    public static HealthCheck defaults() {
        return new HealthCheck("/", Duration.ofSeconds(30), Duration.ofSeconds(5), 5, 2, HttpCodeMatcher.parse("200"));
    }

    public HealthCheck withPath(String newPath) {
        return new HealthCheck(newPath, interval, timeout, healthyThreshold, unhealthyThreshold, matcher);
    }

    public HealthCheck withTiming(Duration newInterval, Duration newTimeout) {
        return new HealthCheck(path, newInterval, newTimeout, healthyThreshold, unhealthyThreshold, matcher);
    }
}
