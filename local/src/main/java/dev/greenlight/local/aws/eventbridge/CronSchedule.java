package dev.greenlight.local.aws.eventbridge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)} in UTC, with the wildcards
 * {@code , - * /} and {@code ?}; exactly one of day-of-month and day-of-week is {@code ?}. Days of
 * the week run 1-7 from SUN to SAT. The {@code L}, {@code W} and {@code #} wildcards are valid on
 * AWS but not modelled here: the twin answers NotImplemented rather than run them wrongly.
 */
record CronSchedule(String expression, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
        BitSet daysOfWeek, BitSet years) implements Schedule {

    private static final int LAST_YEAR = 2199;
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    static CronSchedule parse(String expression, String body) {
        String[] fields = body.trim().split(" +");
        if (fields.length != 6) {
            throw Schedule.invalid();
        }
        if (body.matches(".*[LW#].*")) {
            throw new UnsupportedOperationException("the EventBridge twin does not model the L, W and # cron wildcards");
        }
        boolean anyDayOfMonth = fields[2].equals("?");
        boolean anyDayOfWeek = fields[4].equals("?");
        if (anyDayOfMonth == anyDayOfWeek) {
            throw Schedule.invalid();
        }
        return new CronSchedule(expression,
                CronField.parse(fields[0], 0, 59, List.of()),
                CronField.parse(fields[1], 0, 23, List.of()),
                anyDayOfMonth ? CronField.all(1, 31) : CronField.parse(fields[2], 1, 31, List.of()),
                CronField.parse(fields[3], 1, 12, MONTHS),
                anyDayOfWeek ? CronField.all(1, 7) : CronField.parse(fields[4], 1, 7, DAYS),
                CronField.parse(fields[5], 1970, LAST_YEAR, List.of()));
    }

    /** Walks day by day to the first matching day, then takes its first matching minute. */
    @Override
    public Instant next(Instant after) {
        LocalDateTime from = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        for (LocalDate day = from.toLocalDate(); day.getYear() <= LAST_YEAR; day = day.plusDays(1)) {
            if (!matches(day)) {
                continue;
            }
            LocalTime earliest = day.equals(from.toLocalDate()) ? from.toLocalTime() : LocalTime.MIDNIGHT;
            for (int hour = hours.nextSetBit(earliest.getHour()); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                int minute = minutes.nextSetBit(hour == earliest.getHour() ? earliest.getMinute() : 0);
                if (minute >= 0) {
                    return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
                }
            }
        }
        return Instant.MAX;
    }

    private boolean matches(LocalDate day) {
        int awsDayOfWeek = day.getDayOfWeek().getValue() % 7 + 1;
        return years.get(day.getYear()) && months.get(day.getMonthValue())
                && daysOfMonth.get(day.getDayOfMonth()) && daysOfWeek.get(awsDayOfWeek);
    }
}
