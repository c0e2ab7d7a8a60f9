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

    /** The profiles an image can name, as a user writes them. */
    public static final String NAMES = "healthy, errors[:SHARE], slow[:MILLIS], unhealthy, crash";

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

    /**
     * The profile an image names ({@code healthy}, {@code errors[:share]}, {@code slow[:millis]},
     * {@code unhealthy}, {@code crash}); an erroring image fails a quarter of requests and a slow one
     * adds two seconds unless it says otherwise.
     *
     * @throws IllegalArgumentException naming the profiles there are
     */
    public static AppProfile named(String profile, String version) {
        String[] parts = profile.trim().split(":", 2);
        String argument = parts.length > 1 ? parts[1].trim() : null;
        try {
            return switch (parts[0].trim()) {
                case "healthy" -> healthy(version);
                case "errors" -> erroring(version, argument == null ? 0.25 : Double.parseDouble(argument));
                case "slow" -> slow(version, Duration.ofMillis(argument == null ? 2000 : Long.parseLong(argument)));
                case "unhealthy" -> unhealthy(version);
                case "crash" -> crashing(version);
                default -> throw new IllegalArgumentException("unknown app profile '" + profile + "' (profiles: "
                        + NAMES + ")");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("app profile '" + profile + "' has a bad number: " + argument);
        }
    }

    /** Which requests fail, counted from the app's start. */
    public ErrorPattern errorPattern() {
        return ErrorPattern.ofShare(errorShare);
    }
}
