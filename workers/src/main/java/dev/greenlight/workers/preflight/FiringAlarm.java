package dev.greenlight.workers.preflight;

/**
 * An alarm of the service in ALARM: its name, since when (ISO-8601), CloudWatch's state reason and
 * the target group it watches (null when it watches none).
 */
public record FiringAlarm(String name, String since, String reason, String targetGroup) {
}
