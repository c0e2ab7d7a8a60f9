package dev.greenlight.local.aws.stepfunctions;

import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether RedriveExecution may redrive an execution now (API reference, RedriveExecution; guide,
 * "Redriving executions"): not SUCCEEDED nor RUNNING, ended less than 14 days ago, started less than
 * a year ago (the longest a STANDARD execution may stay open), with fewer than 24,999 history events
 * (room for ExecutionRedriven and one more), and its state machine not being deleted. The reasons are
 * the redriveStatusReason texts DescribeExecution documents.
 */
final class Redrivability {

    static final Duration REDRIVABLE_PERIOD = Duration.ofDays(14);
    static final Duration MAX_OPEN_TIME = Duration.ofDays(365);
    static final int MAX_EVENTS_BEFORE_REDRIVE = 24_999;

    private Redrivability() {
    }

    /** Why the execution cannot be redriven now, or null when it can. */
    static String reason(Execution execution, boolean machineDeleting, Instant now) {
        if (machineDeleting) {
            return "State machine is in DELETING status";
        }
        if (execution.status() == ExecutionStatus.RUNNING) {
            return "Execution is RUNNING and cannot be redriven";
        }
        if (execution.status() == ExecutionStatus.SUCCEEDED) {
            return "Execution is SUCCEEDED and cannot be redriven";
        }
        if (execution.history().size() >= MAX_EVENTS_BEFORE_REDRIVE) {
            return "Execution history event limit exceeded";
        }
        if (!now.isBefore(execution.startDate().plus(MAX_OPEN_TIME))) {
            return "Execution has exceeded the max execution time";
        }
        if (!now.isBefore(execution.stopDate().plus(REDRIVABLE_PERIOD))) {
            return "Execution redrivable period exceeded";
        }
        return null;
    }
}
