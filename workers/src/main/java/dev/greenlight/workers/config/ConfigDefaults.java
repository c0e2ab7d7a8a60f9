package dev.greenlight.workers.config;

/** Defaults that are safe for a service with no traffic: nothing is promoted without evidence. */
final class ConfigDefaults {

    /** Green must serve at least this many requests in a window before a verdict can pass. */
    static final int MIN_REQUESTS = 100;

    /** One worker drives synthetic load through the URL-connection client within Lambda's limits. */
    static final double MAX_SYNTHETIC_RPS = 50;

    private ConfigDefaults() {
    }

    /** Three times the canary to gather evidence, within the 2-day bound of a window. */
    static int maxMinutes(int minutes) {
        return Math.min(2880, minutes * 3);
    }
}
