package dev.greenlight.cli.ops;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code status --watch} prints after the first whole status: only the lines that changed, each
 * stamped with the time it was seen (UTC), like a log; once the deployment has ended, its state line
 * comes last, so the watch ends on the outcome.
 */
final class StatusChanges {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private StatusChanges() {
    }

    /**
     * @param before the status printed or summed up so far, its state line first
     * @param after  the status now, its state line first
     */
    static List<String> between(List<String> before, List<String> after, boolean ended, Instant at) {
        Set<String> seen = new HashSet<>(before);
        List<String> changed = new ArrayList<>();
        for (String line : after.subList(1, after.size())) {
            if (!seen.contains(line)) {
                changed.add(line);
            }
        }
        String state = after.get(0);
        if (!state.equals(before.get(0))) {
            changed.add(ended ? changed.size() : 0, state);
        }
        String stamp = TIME.format(at) + "  ";
        return changed.stream().map(line -> stamp + line).toList();
    }
}
