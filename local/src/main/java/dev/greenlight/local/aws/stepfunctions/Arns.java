package dev.greenlight.local.aws.stepfunctions;

import dev.greenlight.local.aws.LocalAccount;
import java.util.regex.Pattern;

/**
 * Step Functions ARNs: {@code ...:stateMachine:NAME}, {@code ...:execution:MACHINE:NAME} and, for
 * EXPRESS executions, {@code ...:express:MACHINE:NAME:ID}. A malformed one is InvalidArn.
 */
final class Arns {

    private static final Pattern STATES = Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:(.*)");
    private static final Pattern STATE_MACHINE = Pattern.compile("stateMachine:[^:]+");
    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern EXECUTION = Pattern.compile("(execution:[^:]+:[^:]+|express:[^:]+:[^:]+:[^:]+)");

    private Arns() {
    }

    /** @throws software.amazon.awssdk.services.sfn.model.InvalidArnException unless it names a state machine */
    static String stateMachine(String arn) {
        return check(arn, STATE_MACHINE);
    }

    /** @throws software.amazon.awssdk.services.sfn.model.InvalidArnException unless it names an execution */
    static String execution(String arn) {
        return check(arn, EXECUTION);
    }

    /**
     * The role a state machine runs as: any IAM role ARN; anything else is InvalidArn with the prefix
     * message Step Functions gives for its own ARNs (AWS does not publish this one's wording).
     */
    static String role(String arn) {
        if (!ROLE.matcher(arn).matches()) {
            throw SfnErrors.invalidArn("Invalid ARN prefix: " + arn);
        }
        return arn;
    }

    static String execution(String machineName, String name) {
        return LocalAccount.arn("states", "execution:" + machineName + ":" + name);
    }

    static String expressExecution(String machineName, String name, String id) {
        return LocalAccount.arn("states", "express:" + machineName + ":" + name + ":" + id);
    }

    private static String check(String arn, Pattern resource) {
        if (arn == null) {
            throw SfnErrors.validation("null", "arn", "Member must not be null");
        }
        var states = STATES.matcher(arn);
        if (!states.matches()) {
            throw SfnErrors.invalidArn("Invalid ARN prefix: " + arn);
        }
        if (!resource.matcher(states.group(1)).matches()) {
            throw SfnErrors.invalidArn("Resource type not valid in this context: " + states.group(1).split(":")[0]);
        }
        return arn;
    }
}
