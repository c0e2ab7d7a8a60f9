package dev.greenlight.local.twin;

import dev.greenlight.local.asl.task.TaskAuthorizer;
import dev.greenlight.local.asl.task.TaskCall;
import dev.greenlight.local.aws.iam.enforcement.IamEnforcement;
import dev.greenlight.local.aws.iam.policy.Principal;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Step Functions calls a Task's service as the state machine's role (CreateStateMachine's
 * {@code roleArn}), so the call is authorized as a session of that role. AWS names the session
 * with an opaque token; the twin names it after the execution, so a refusal says which one asked.
 */
record ExecutionRoleCalls(Supplier<IamEnforcement> enforcement) implements TaskAuthorizer {

    /** RoleSessionName's limit ("AssumeRole", STS API Reference); an execution's name may be longer. */
    private static final int SESSION_NAME_LIMIT = 64;

    @Override
    public void authorize(TaskCall call, String signingName, String operation, SdkPojo request) {
        if (call.roleArn() == null) {
            return;
        }
        String session = call.executionName().length() > SESSION_NAME_LIMIT
                ? call.executionName().substring(0, SESSION_NAME_LIMIT) : call.executionName();
        enforcement.get().authorize(Principal.roleSession(call.roleArn(), session), signingName, operation, request);
    }
}
