package dev.greenlight.workers.preflight;

/** An alarm of the service in ALARM: its name, since when (ISO-8601) and CloudWatch's state reason. */
public record FiringAlarm(String name, String since, String reason) {
}
