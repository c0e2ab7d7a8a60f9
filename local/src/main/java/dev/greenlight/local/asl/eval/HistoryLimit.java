package dev.greenlight.local.asl.eval;

import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.component.StateMachineType;

/**
 * The hard quota of 25,000 events in a STANDARD execution's history, as the developer guide ("Avoid reaching the
 * history quota") describes it: at 24,999 events the execution waits for the next one; if event 25,000 is
 * ExecutionSucceeded it succeeds, otherwise ExecutionFailed is recorded as event 25,000 and the execution fails.
 * EXPRESS executions keep no such history and have no such limit.
 *
 * <p>AWS does not publish the error and cause of that ExecutionFailed: the ones here are ours.
 */
record HistoryLimit(int events) {

    static final int STANDARD_EVENTS = 25_000;
    static final String ERROR = StatesError.RUNTIME.errorName();
    static final String CAUSE = "The execution reached the maximum number of events in its history (25000).";

    static HistoryLimit of(StateMachineType type) {
        return new HistoryLimit(type == StateMachineType.STANDARD ? STANDARD_EVENTS : Integer.MAX_VALUE);
    }

    /**
     * Whether an event of {@code type} may not be recorded after {@code recorded} events: the last place is kept
     * for the execution's end (ExecutionSucceeded, or the ExecutionFailed this limit causes), and nothing comes after.
     */
    boolean refuses(int recorded, String type) {
        if (recorded >= events) {
            return true;
        }
        return recorded == events - 1 && !isExecutionEnd(type);
    }

    private static boolean isExecutionEnd(String type) {
        return type.equals("ExecutionSucceeded") || type.equals("ExecutionFailed") || type.equals("ExecutionAborted")
                || type.equals("ExecutionTimedOut");
    }
}
