package dev.greenlight.cli.demo;

import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** How a deployment ended, as a person reads it: the execution's status, with a rollback named as such. */
enum Outcome {
    SUCCEEDED, ROLLED_BACK, FAILED, TIMED_OUT, ABORTED;

    /**
     * @param rolledBack whether the pipeline rolled the release back (it entered its Rollback state); a failed
     *                   execution that did so ended with traffic on blue, which is the pipeline working
     */
    static Outcome of(ExecutionStatus status, boolean rolledBack) {
        return switch (status) {
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> rolledBack ? ROLLED_BACK : FAILED;
            case TIMED_OUT -> TIMED_OUT;
            case ABORTED -> ABORTED;
            default -> throw new IllegalArgumentException("the execution has not ended: " + status);
        };
    }
}
