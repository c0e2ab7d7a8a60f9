package dev.greenlight.cli.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.history.FailureLines;
import dev.greenlight.cli.history.ReportFormat;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.pipeline.AlarmRoles;
import dev.greenlight.workers.pipeline.AskedApproval;
import dev.greenlight.workers.pipeline.AuditReport;
import dev.greenlight.workers.pipeline.AuditReport.Step;
import dev.greenlight.workers.pipeline.DeploymentStatus;
import dev.greenlight.workers.pipeline.ExecutionHistory;
import dev.greenlight.workers.pipeline.Failure;
import dev.greenlight.workers.pipeline.RetriedWait;
import dev.greenlight.workers.pipeline.TrafficSplit.Share;
import java.time.Instant;
import java.util.Map;

/**
 * One execution as the console's page shows it, as JSON: where it is and the path it took, the
 * production split with each target group's role, the deployment's status, the alarms, what it waits
 * for (an approval, or a step's retries), how it failed, the canary's evidence, the smoke test's
 * report, who started it and why, and its audit report ({@code greenlight history}'s text).
 */
final class ExecutionView {

    private ExecutionView() {
    }

    static ObjectNode of(Aws aws, String execution) {
        String arn = aws.executionArn(execution);
        ExecutionHistory history = ExecutionHistory.of(aws.sfn(), arn);
        DeploymentStatus status = DeploymentStatus.of(history, () -> ExecutionHistory.definition(aws.sfn(), arn),
                aws.backends(), aws.elb(), aws.cloudWatch());
        AuditReport report = AuditReport.of(history);
        ObjectNode view = Worker.JSON.createObjectNode().put("name", status.execution())
                .put("status", status.status().toString()).put("state", status.state())
                .put("waitingApproval", status.waitingApproval()).put("deploymentId", status.deploymentId())
                .put("deploymentStatus", status.deploymentStatus())
                .put("started", time(report.started())).put("stopped", time(report.stopped()))
                .put("error", status.error()).put("cause", status.cause())
                .put("approvalMode", DeploymentStatus.input(history).config().approval().mode().name());
        ArrayNode path = view.putArray("path");
        history.path().forEach(path::add);
        view.set("input", report.input());
        Map<String, String> roles = AlarmRoles.ofTargetGroups(history.events());
        ArrayNode traffic = view.putArray("traffic");
        for (Share share : status.traffic().shares()) {
            traffic.addObject().put("targetGroup", share.targetGroup()).put("percent", share.percent())
                    .put("role", roles.get(share.targetGroup()));
        }
        ArrayNode alarms = view.putArray("alarms");
        status.alarms().forEach(alarm -> alarms.addObject().put("name", alarm.name()).put("state", alarm.state())
                .put("role", alarm.role()));
        view.set("failure", failure(status.failure()));
        view.set("approval", approval(status.approval()));
        view.set("wait", retriedWait(status.retrying()));
        view.set("canary", canaryEvidence(report));
        view.set("smokeTest", report.smokeTest());
        view.put("report", ReportFormat.text.render(report));
        return view;
    }

    /** The failure as status prints it: the verdict's sentence and each alarm that fired. */
    private static JsonNode failure(Failure failure) {
        if (failure == null) {
            return null;
        }
        ObjectNode node = Worker.JSON.createObjectNode().put("error", failure.error())
                .put("summary", failure.summary());
        ArrayNode fired = node.putArray("fired");
        FailureLines.firedAlarms(failure).forEach(fired::add);
        return node;
    }

    /** The approval waiting now: until when, who may answer, and the commands that answer it. */
    private static JsonNode approval(AskedApproval approval) {
        if (approval == null) {
            return null;
        }
        return Worker.JSON.createObjectNode().put("askedAt", time(approval.askedAt()))
                .put("timesOutAt", time(approval.timesOutAt())).put("approvers", approval.approvers())
                .put("approve", approval.approveCommand()).put("reject", approval.rejectCommand());
    }

    /** What the current step waits for, as status prints it. */
    private static JsonNode retriedWait(RetriedWait wait) {
        if (wait == null) {
            return null;
        }
        return Worker.JSON.createObjectNode().put("state", wait.state()).put("error", wait.errorName())
                .put("reason", wait.reason()).put("since", time(wait.since())).put("attempts", wait.attempts())
                .put("maxAttempts", wait.maxAttempts()).put("intervalSeconds", wait.interval().toSeconds())
                .put("nextAt", time(wait.nextAt())).put("givesUpAt", time(wait.givesUpAt()));
    }

    /** The canary analysis of the latest watch that ran one (its counts, rates and verdict), or null. */
    private static JsonNode canaryEvidence(AuditReport report) {
        JsonNode latest = null;
        Instant at = Instant.MIN;
        for (Step step : report.timeline()) {
            JsonNode analysis = step.evidence() == null ? null : step.evidence().get("analysis");
            Instant when = step.left() == null ? step.entered() : step.left();
            if (analysis != null && analysis.isObject() && !when.isBefore(at)) {
                latest = analysis;
                at = when;
            }
        }
        return latest;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
