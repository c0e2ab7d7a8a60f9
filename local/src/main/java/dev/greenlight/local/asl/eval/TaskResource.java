package dev.greenlight.local.asl.eval;

/**
 * A Task's Resource as history events name it: {@code arn:aws:states:::lambda:invoke.waitForTaskToken}
 * is resourceType {@code lambda}, resource {@code invoke.waitForTaskToken}, and waits for a token.
 *
 * @param legacyLambda a bare function ARN, whose history uses the LambdaFunction* events
 */
record TaskResource(String resourceType, String resource, boolean waitForTaskToken, boolean legacyLambda) {

    private static final String STATES_PREFIX = "arn:aws:states:::";

    static TaskResource of(String arn) {
        if (arn.startsWith(STATES_PREFIX)) {
            String rest = arn.substring(STATES_PREFIX.length());
            int split = rest.lastIndexOf(':');
            return new TaskResource(rest.substring(0, Math.max(split, 0)), rest.substring(split + 1),
                    rest.endsWith(".waitForTaskToken"), false);
        }
        if (arn.contains(":lambda:") && arn.contains(":function:")) {
            return new TaskResource("lambda", arn, false, true);
        }
        String[] parts = arn.split(":");
        return new TaskResource(parts.length > 2 ? parts[2] : arn, arn, false, false);
    }

    String scheduledType() {
        return legacyLambda ? "LambdaFunctionScheduled" : "TaskScheduled";
    }

    String eventType(String outcome) {
        return (legacyLambda ? "LambdaFunction" : "Task") + outcome;
    }

    String detailsField(String outcome) {
        String type = eventType(outcome);
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }
}
