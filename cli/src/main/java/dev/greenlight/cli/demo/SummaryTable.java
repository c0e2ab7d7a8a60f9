package dev.greenlight.cli.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The closing table a person reads: one row per deployment, columns padded to their widest cell. The
 * bound beside the blast radius is the canary's share x the users' rate x the time the bad version was
 * exposed (time to detect, then detection to rollback).
 */
final class SummaryTable {

    private static final List<String> HEADINGS = List.of("version", "outcome", "duration", "users/s",
            "user requests", "failed (blast radius)", "bound", "time to detect", "detection to rollback", "error");

    private SummaryTable() {
    }

    static String render(List<DeploymentSummary> deployments) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        deployments.forEach(deployment -> rows.add(cells(deployment)));
        int[] widths = new int[HEADINGS.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder table = new StringBuilder();
        rows.forEach(row -> {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", row.get(i)));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        });
        return table.toString();
    }

    private static List<String> cells(DeploymentSummary deployment) {
        return List.of(deployment.version(), deployment.outcome().name(), minutesAndSeconds(deployment.duration()),
                count(Math.round(deployment.usersPerSecond())), count(deployment.userRequests()),
                count(deployment.failedUserRequests()),
                deployment.blastRadiusBound() == null ? "-" : count(deployment.blastRadiusBound()),
                deployment.timeToDetect() == null ? "-" : seconds(deployment.timeToDetect()),
                deployment.detectionToRollback() == null ? "-" : seconds(deployment.detectionToRollback()),
                deployment.error() == null ? "-" : deployment.error());
    }

    static String minutesAndSeconds(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
