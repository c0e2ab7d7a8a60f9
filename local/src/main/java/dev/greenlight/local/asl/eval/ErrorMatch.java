package dev.greenlight.local.asl.eval;

import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import java.util.List;

/** Whether an ErrorEquals list matches an error, with the spec's wildcards. */
final class ErrorMatch {

    private ErrorMatch() {
    }

    /**
     * States.ALL matches every error but the terminal States.Runtime and States.DataLimitExceeded;
     * States.TaskFailed matches every error but States.Timeout and those two.
     */
    /** As {@link #matches(List, String)}, but a task's too-large result is caught by States.ALL too. */
    static boolean catches(List<String> errorEquals, StatesException failure) {
        if (failure instanceof TaskResultTooLarge) {
            return errorEquals.contains(failure.error()) || errorEquals.contains(StatesError.ALL.errorName());
        }
        return matches(errorEquals, failure.error());
    }

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
