package dev.greenlight.cli.ops;

import dev.greenlight.cli.CliError;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.pipeline.ExecutionHistory;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * A person's answer to a waiting approval, sent on the task token the execution history holds:
 * SendTaskSuccess {@code {"approved": true, "by", "reason"}} or SendTaskFailure
 * {@code Greenlight.ApprovalRejected}; {@code by} is the caller's AWS identity ({@link Caller}).
 */
public final class ApprovalAnswer {

    static final String REJECTED = "Greenlight.ApprovalRejected";

    private ApprovalAnswer() {
    }

    public static int send(Aws aws, String execution, boolean approve, String reason, PrintWriter out) throws Exception {
        String arn = aws.executionArn(execution);
        ExecutionHistory history = ExecutionHistory.of(aws.sfn(), arn);
        String name = history.execution().name();
        if (history.execution().status() != ExecutionStatus.RUNNING) {
            throw new CliError("Execution " + name + " has ended (" + history.execution().statusAsString()
                    + "): there is nothing to approve or reject. Read what happened with greenlight history " + name
                    + ".");
        }
        String token = history.waitingApproval().orElseThrow(() -> new CliError("Execution " + name
                + " is not waiting for an approval now. A release waits for one after its canary, when its "
                + "approval mode is manual; check where it is with greenlight status " + name + "."));
        String by = Caller.of(aws);
        try {
            if (approve) {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("approved", true);
                answer.put("by", by);
                answer.put("reason", reason);
                String output = Worker.JSON.writeValueAsString(answer);
                aws.sfn().sendTaskSuccess(r -> r.taskToken(token).output(output));
            } else {
                aws.sfn().sendTaskFailure(r -> r.taskToken(token).error(REJECTED)
                        .cause("rejected by " + by + ": " + reason));
            }
        } catch (InvalidTokenException | TaskTimedOutException e) {
            throw new CliError("The approval of " + name + " closed before the answer arrived (it timed out, or an "
                    + "alarm rolled the release back). See greenlight status " + name + ".");
        }
        out.println((approve ? "Approved " + name + " as " + by + ": promoting it to all traffic."
                : "Rejected " + name + " as " + by + ": rolling it back.")
                + " Follow it with: greenlight status " + name + " --watch");
        return 0;
    }
}
