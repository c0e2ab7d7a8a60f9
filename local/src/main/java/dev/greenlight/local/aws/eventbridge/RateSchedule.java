package dev.greenlight.local.aws.eventbridge;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code rate(value unit)}: a positive whole value and a unit of minute, hour or day, singular
 * for 1 and plural above ({@code rate(1 hours)} and {@code rate(5 hour)} are not valid). It starts
 * when the rule is created: the first run is one period later.
 */
record RateSchedule(String expression, Duration period) implements Schedule {

    private static final Map<String, Duration> SINGULAR =
            Map.of("minute", Duration.ofMinutes(1), "hour", Duration.ofHours(1), "day", Duration.ofDays(1));

    static RateSchedule parse(String expression, String body) {
        String[] parts = body.trim().split(" +");
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,9}")) {
            throw Schedule.invalid();
        }
        long value = Long.parseLong(parts[0]);
        String unit = parts[1];
        boolean plural = unit.endsWith("s");
        Duration one = SINGULAR.get(plural ? unit.substring(0, unit.length() - 1) : unit);
        if (value < 1 || one == null || plural != (value > 1)) {
            throw Schedule.invalid();
        }
        return new RateSchedule(expression, one.multipliedBy(value));
    }

    @Override
    public Instant next(Instant after) {
        return after.plus(period);
    }
}
