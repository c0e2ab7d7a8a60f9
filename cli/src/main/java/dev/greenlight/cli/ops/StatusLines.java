package dev.greenlight.cli.ops;

import dev.greenlight.cli.history.FailureLines;
import dev.greenlight.workers.pipeline.AlarmRoles;
import dev.greenlight.workers.pipeline.AskedApproval;
import dev.greenlight.workers.pipeline.DeploymentStatus;
import dev.greenlight.workers.pipeline.Failure;
import dev.greenlight.workers.pipeline.RetriedWait;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A deployment's status as a few lines for a terminal, as {@code greenlight status} prints it. */
final class StatusLines {

    private static final String MORE = "              ";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private StatusLines() {
    }

    static List<String> of(DeploymentStatus status) {
        String execution = status.execution();
        List<String> lines = new ArrayList<>();
        lines.add(execution + ": " + status.status() + (status.state() == null ? "" : ", in " + status.state()));
        AskedApproval approval = status.approval();
        if (approval != null) {
            lines.add("  waiting for approval" + (approval.timesOutAt() == null ? ""
                    : " until " + time(approval.timesOutAt()) + " (then rolled back)") + ": "
                    + approval.approveCommand() + "   (or greenlight reject " + execution + ")");
        }
        RetriedWait wait = status.retrying();
        if (wait != null) {
            lines.add("  waiting:    " + wait.state() + " since " + time(wait.since()) + ": " + wait.reason());
            lines.add(MORE + "looked " + wait.attempts() + " time" + (wait.attempts() == 1 ? "" : "s") + ", every "
                    + wait.interval().toSeconds() + " s; next look " + time(wait.nextAt()) + "; the release fails with "
                    + wait.errorName() + " if it still waits at " + time(wait.givesUpAt()));
        }
        lines.add("  deployment: " + (status.deploymentId() == null ? "not started"
                : status.deploymentId() + " (" + status.deploymentStatus() + ")"));
        lines.add("  traffic:    " + TrafficBar.of(status.traffic()));
        lines.add("  alarms:     " + (status.alarms().isEmpty() ? "none configured" : String.join(", ",
                status.alarms().stream().map(alarm -> AlarmRoles.label(alarm.name(), alarm.role(), alarm.state()))
                        .toList())));
        Failure failure = status.failure();
        if (failure != null) {
            lines.add("  error:      " + failure.error() + ": " + failure.summary());
            FailureLines.firedAlarms(failure).forEach(line -> lines.add(MORE + line));
        }
        return lines;
    }

    private static String time(Instant instant) {
        return TIME.format(instant) + " UTC";
    }
}
