package dev.greenlight.local.asl;

/** The predefined error names of the Amazon States Language, spelled as the spec spells them. */
public enum StatesError {
    ALL("States.ALL"),
    HEARTBEAT_TIMEOUT("States.HeartbeatTimeout"),
    TIMEOUT("States.Timeout"),
    TASK_FAILED("States.TaskFailed"),
    PERMISSIONS("States.Permissions"),
    RESULT_PATH_MATCH_FAILURE("States.ResultPathMatchFailure"),
    PARAMETER_PATH_FAILURE("States.ParameterPathFailure"),
    QUERY_EVALUATION_ERROR("States.QueryEvaluationError"),
    BRANCH_FAILED("States.BranchFailed"),
    NO_CHOICE_MATCHED("States.NoChoiceMatched"),
    INTRINSIC_FAILURE("States.IntrinsicFailure"),
    EXCEED_TOLERATED_FAILURE_THRESHOLD("States.ExceedToleratedFailureThreshold"),
    ITEM_READER_FAILED("States.ItemReaderFailed"),
    RESULT_WRITER_FAILED("States.ResultWriterFailed"),
    DATA_LIMIT_EXCEEDED("States.DataLimitExceeded"),
    RUNTIME("States.Runtime");

    private final String errorName;

    StatesError(String errorName) {
        this.errorName = errorName;
    }

    public String errorName() {
        return errorName;
    }

    /** A failure with this name and a cause worded for a person. */
    public StatesException withCause(String cause) {
        return new StatesException(errorName, cause);
    }

    @Override
    public String toString() {
        return errorName;
    }
}
