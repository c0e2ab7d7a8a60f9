package dev.greenlight.local.aws.eventbridge;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** One field of a cron expression as the set of values it allows: items {@code *}, {@code a}, {@code a-b}, each with an optional {@code /step}, joined by commas. */
final class CronField {

    private CronField() {
    }

    static BitSet all(int low, int high) {
        BitSet values = new BitSet();
        values.set(low, high + 1);
        return values;
    }

    static BitSet parse(String field, int low, int high, List<String> names) {
        BitSet values = new BitSet();
        for (String item : field.split(",", -1)) {
            String[] stepped = item.split("/", -1);
            if (stepped.length > 2) {
                throw Schedule.invalid();
            }
            int step = stepped.length == 2 ? number(stepped[1], 1, high) : 1;
            String range = stepped[0];
            int from;
            int to;
            if (range.equals("*")) {
                from = low;
                to = high;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw Schedule.invalid();
                }
                from = value(ends[0], low, high, names);
                to = value(ends[1], low, high, names);
            } else {
                from = value(range, low, high, names);
                to = stepped.length == 2 ? high : from;
            }
            if (from > to) {
                throw Schedule.invalid();
            }
            for (int v = from; v <= to; v += step) {
                values.set(v);
            }
        }
        return values;
    }

    private static int value(String text, int low, int high, List<String> names) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        return named >= 0 ? low + named : number(text, low, high);
    }

    private static int number(String text, int low, int high) {
        if (!text.matches("[0-9]{1,4}")) {
            throw Schedule.invalid();
        }
        int value = Integer.parseInt(text);
        if (value < low || value > high) {
            throw Schedule.invalid();
        }
        return value;
    }
}
