package dev.greenlight.local.aws.stepfunctions;

/**
 * StartExecution with a name already used for this state machine: while that execution is open and
 * the input is identical, the call succeeds and answers with the original execution (STANDARD
 * StartExecution is idempotent); a different input, or a closed execution, is ExecutionAlreadyExists.
 */
enum NameReuse {
    FREE, SAME_EXECUTION, ALREADY_EXISTS;

    static NameReuse of(ExecutionRecord existing, String input) {
        if (existing == null) {
            return FREE;
        }
        return existing.isRunning() && existing.input().equals(input) ? SAME_EXECUTION : ALREADY_EXISTS;
    }
}
