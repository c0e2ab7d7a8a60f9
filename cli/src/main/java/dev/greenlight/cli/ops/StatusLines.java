package dev.greenlight.cli.ops;

import dev.greenlight.workers.pipeline.AlarmRoles;
import dev.greenlight.workers.pipeline.DeploymentStatus;
import java.util.ArrayList;
import java.util.List;

/** A deployment's status as a few lines for a terminal, as {@code greenlight status} prints it. */
final class StatusLines {

    private StatusLines() {
    }

    static List<String> of(DeploymentStatus status) {
        String execution = status.execution();
        List<String> lines = new ArrayList<>();
        lines.add(execution + ": " + status.status() + (status.state() == null ? "" : ", in " + status.state()));
        if (status.waitingApproval()) {
            lines.add("  waiting for approval: greenlight approve " + execution + " --reason TEXT   (or greenlight "
                    + "reject " + execution + ")");
        }
        lines.add("  deployment: " + (status.deploymentId() == null ? "not started"
                : status.deploymentId() + " (" + status.deploymentStatus() + ")"));
        lines.add("  traffic:    " + TrafficBar.of(status.traffic()));
        lines.add("  alarms:     " + (status.alarms().isEmpty() ? "none configured" : String.join(", ",
                status.alarms().stream().map(alarm -> AlarmRoles.label(alarm.name(), alarm.role(), alarm.state()))
                        .toList())));
        if (status.error() != null) {
            lines.add("  error:      " + status.error() + ": " + status.cause());
        }
        return lines;
    }
}
