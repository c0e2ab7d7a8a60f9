package dev.greenlight.cli.demo;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the demo sees of a deployment at one moment: the execution's current state, the production
 * listener's split, each alarm's state, and what users saw since the deployment started.
 */
record Observation(String version, Duration elapsed, String state, TrafficSplit split, Map<String, String> alarms,
        long usersOk, long usersFailed) {

    /** The progress line: {@code 3.0  0m 42s  WatchCanary  [##################++] blue 90% green 10%  ...}. */
    String line() {
        return version + "  " + SummaryTable.minutesAndSeconds(elapsed) + "  " + headline() + "  users "
                + SummaryTable.count(usersOk) + " ok / " + SummaryTable.count(usersFailed) + " failed";
    }

    /** What changes only when something happens: state, split, alarms (not the clock or the counts). */
    String headline() {
        return String.format("%-22s %s blue %3d%% green %3d%%  alarms %s", state, split.bar(), split.bluePercent(),
                split.greenPercent(), alarms.entrySet().stream().map(alarm -> alarm.getKey() + " " + alarm.getValue())
                        .collect(Collectors.joining(", ")));
    }
}
