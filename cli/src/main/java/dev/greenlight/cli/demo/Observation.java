package dev.greenlight.cli.demo;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the demo sees of a deployment at one moment: the execution's current state, the production
 * listener's split, each alarm's state, and what users saw since the deployment started.
 */
record Observation(String version, Duration elapsed, String state, BlueGreen split, Map<String, String> alarms,
        long usersOk, long usersFailed) {

    /** The progress line: {@code 3.0  0m 42s  WatchCanary  [##################++] blue 90% green 10%  ...}. */
    String line() {
        return line(state);
    }

    /** The progress line with the step instead of the state: {@code 3.0  0m 42s  canary  [...] ...}, for a log. */
    String stepLine() {
        return line(PipelineStep.of(state));
    }

    private String line(String where) {
        return version + "  " + SummaryTable.minutesAndSeconds(elapsed) + "  " + figures(where) + "  users "
                + SummaryTable.count(usersOk) + " ok / " + SummaryTable.count(usersFailed) + " failed";
    }

    /**
     * The progress line in at most {@code width} characters, for a line redrawn in place (a wider one
     * wraps, and the redraw then leaves stale copies): the full line if it fits, else ever more compact
     * ones (the split as percentages, only the alarms that are not OK, no user counts), else the most
     * compact one cut at the width.
     */
    String line(int width) {
        String full = line();
        if (full.length() <= width) {
            return full;
        }
        String head = version + "  " + SummaryTable.minutesAndSeconds(elapsed) + "  " + state + "  blue "
                + split.bluePercent() + "% green " + split.greenPercent() + "%  alarms " + alarmsNotOk();
        String users = "  users " + SummaryTable.count(usersOk) + " ok / " + SummaryTable.count(usersFailed) + " failed";
        if ((head + users).length() <= width) {
            return head + users;
        }
        if (head.length() <= width) {
            return head;
        }
        String least = version + "  " + SummaryTable.minutesAndSeconds(elapsed) + "  " + state + "  "
                + split.bluePercent() + "/" + split.greenPercent() + "  " + alarmsNotOk();
        return least.length() <= width ? least : least.substring(0, Math.max(0, width));
    }

    private String alarmsNotOk() {
        String firing = alarms.entrySet().stream().filter(alarm -> !"OK".equals(alarm.getValue()))
                .map(alarm -> alarm.getKey() + " " + alarm.getValue()).collect(Collectors.joining(", "));
        return firing.isEmpty() ? "all OK" : firing;
    }

    /**
     * What changes only when something happens: the step a person follows ({@link PipelineStep}), the split,
     * the alarms; not the clock, the counts, or the state within the step's polling loop.
     */
    String headline() {
        return figures(PipelineStep.of(state));
    }

    private String figures(String where) {
        return String.format("%-22s %s blue %3d%% green %3d%%  alarms %s", where, split.bar(), split.bluePercent(),
                split.greenPercent(), alarms.entrySet().stream().map(alarm -> alarm.getKey() + " " + alarm.getValue())
                        .collect(Collectors.joining(", ")));
    }
}
