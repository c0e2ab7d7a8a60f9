package dev.greenlight.cli.history;

import dev.greenlight.workers.pipeline.AlarmRoles;
import dev.greenlight.workers.pipeline.Failure;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The alarms a failure's cause names as having fired, one line each, as status and history print them:
 * {@code alarm orders-blue-5xx (green) fired at 00:07:00 UTC: Threshold Crossed: …}.
 */
public final class FailureLines {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private FailureLines() {
    }

    public static List<String> firedAlarms(Failure failure) {
        return failure.fired().stream().map(alarm -> "alarm " + AlarmRoles.label(alarm.name(), alarm.role(), null)
                + (alarm.at() == null ? " fired" : " in ALARM since " + time(alarm.at()))
                + (alarm.reason() == null ? "" : ": " + alarm.reason())).toList();
    }

    private static String time(String iso) {
        try {
            return TIME.format(Instant.parse(iso)) + " UTC";
        } catch (DateTimeParseException notAnInstant) {
            return iso;
        }
    }
}
