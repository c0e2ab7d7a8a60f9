package dev.greenlight.local.asl.eval;

import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;

/**
 * States.DataLimitExceeded for a task's result over the payload limit. The guide calls
 * States.DataLimitExceeded terminal, out of reach of States.ALL; issue 14 reports, from executions
 * recorded on AWS, that a Catch on States.ALL does take it when a task's result is too large, so
 * this one failure is catchable. A state's own output over the limit stays terminal.
 */
final class TaskResultTooLarge extends StatesException {

    TaskResultTooLarge(String stateName) {
        super(StatesError.DATA_LIMIT_EXCEEDED.errorName(), ProgramRunner.tooLarge(stateName));
    }
}
