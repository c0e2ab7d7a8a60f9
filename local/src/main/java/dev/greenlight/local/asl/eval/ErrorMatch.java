package dev.greenlight.local.asl.eval;

import dev.greenlight.local.asl.StatesError;
import java.util.List;

/** Whether an ErrorEquals list matches an error, with the spec's wildcards. */
final class ErrorMatch {

    private ErrorMatch() {
    }

    /**
     * States.ALL matches every error but the terminal States.Runtime and States.DataLimitExceeded;
     * States.TaskFailed matches every error but States.Timeout and those two.
     */
    static boolean matches(List<String> errorEquals, String error) {
        if (error == null) {
            return errorEquals.contains(StatesError.ALL.errorName());
        }
        if (error.equals(StatesError.RUNTIME.errorName()) || error.equals(StatesError.DATA_LIMIT_EXCEEDED.errorName())) {
            return errorEquals.contains(error) && !error.equals(StatesError.RUNTIME.errorName());
        }
        return errorEquals.contains(error)
                || errorEquals.contains(StatesError.ALL.errorName())
                || (errorEquals.contains(StatesError.TASK_FAILED.errorName())
                        && !error.equals(StatesError.TIMEOUT.errorName()));
    }
}
