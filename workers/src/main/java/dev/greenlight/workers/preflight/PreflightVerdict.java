package dev.greenlight.workers.preflight;

/** What Preflight lets through: go ahead, nothing to do (a newer push will deploy), or not while alarms fire. */
public enum PreflightVerdict {
    CLEAR, SUPERSEDED, ALARM_FIRING
}
