package dev.greenlight.local.aws.eventbridge;

/**
 * Where a matched event goes: the service behind a target ARN. The Step Functions twin
 * implements it for state machine ARNs (StartExecution with {@code input}); other twins may
 * claim their own ARNs.
 */
@FunctionalInterface
public interface EventTargets {

    /**
     * Delivers one event to one target.
     *
     * @param ruleArn the rule that matched the event: the target's service authorizes the delivery by it
     *     (a Lambda function's resource policy names it as {@code aws:SourceArn})
     * @param targetArn the target's {@code Arn} as PutTargets stored it
     * @param roleArn the target's {@code RoleArn}, or null: the role EventBridge calls a state machine as
     * @param input the JSON text the target receives: the event, or what Input, InputPath or
     *     InputTransformer made of it
     */
    void deliver(String ruleArn, String targetArn, String roleArn, String input);
}
