package dev.greenlight.bench;

import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import dev.greenlight.local.asl.eval.HistoryEvent;

/** Checks and counts on a finished execution. */
final class Executions {

    private Executions() {
    }

    static void requireSucceeded(String scenario, Execution execution) {
        if (execution.status() != ExecutionStatus.SUCCEEDED) {
            throw new WrongResultException(scenario, "the execution ended " + execution.status() + " ("
                    + execution.error() + ": " + execution.cause() + ")");
        }
    }

    /** State transitions as Step Functions bills them: one per state entered. */
    static long transitions(Execution execution) {
        return execution.history().events().stream()
                .map(HistoryEvent::type)
                .filter(type -> type.endsWith("StateEntered"))
                .count();
    }
}
