package dev.greenlight.workers.preflight;

/**
 * What Preflight lets through: go ahead, nothing to do (a newer push will deploy), not while alarms
 * about what users are served now fire, or not with a canary too short to see anything.
 */
public enum PreflightVerdict {
    CLEAR, SUPERSEDED, ALARM_FIRING, WINDOW_TOO_SHORT
}
