package dev.greenlight.local.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sample app behaves, as an image decides it: the version it reports, the share of
 * requests it answers with 500, the latency it adds, whether its health path fails and whether
 * it crashes at start. Real servers and the virtual-time model read the same profile.
 */
public record AppProfile(String version, double errorShare, Duration addedLatency, boolean healthCheckFails,
        boolean crashesAtStart) {

    public AppProfile {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(addedLatency, "addedLatency");
        if (errorShare < 0 || errorShare > 1) {
            throw new IllegalArgumentException("errorShare must be within [0, 1]: " + errorShare);
        }
        if (addedLatency.isNegative()) {
            throw new IllegalArgumentException("addedLatency must not be negative: " + addedLatency);
        }
    }

    public static AppProfile healthy(String version) {
        return new AppProfile(version, 0, Duration.ZERO, false, false);
    }

    public static AppProfile erroring(String version, double errorShare) {
        return new AppProfile(version, errorShare, Duration.ZERO, false, false);
    }

    public static AppProfile slow(String version, Duration addedLatency) {
        return new AppProfile(version, 0, addedLatency, false, false);
    }

    public static AppProfile unhealthy(String version) {
        return new AppProfile(version, 0, Duration.ZERO, true, false);
    }

    public static AppProfile crashing(String version) {
        return new AppProfile(version, 0, Duration.ZERO, false, true);
    }

    /** Which requests fail, counted from the app's start. */
    public ErrorPattern errorPattern() {
        return ErrorPattern.ofShare(errorShare);
    }
}
