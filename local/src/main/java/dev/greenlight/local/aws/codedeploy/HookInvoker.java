package dev.greenlight.local.aws.codedeploy;

/**
 * Invokes a lifecycle hook's Lambda function asynchronously (InvocationType Event), as CodeDeploy
 * does. The Lambda twin implements this; the function answers later with
 * PutLifecycleEventHookExecutionStatus.
 */
public interface HookInvoker {

    /**
     * @param functionNameOrArn the function as the AppSpec names it
     * @param payload CodeDeploy's event: {@code {"DeploymentId": ..., "LifecycleEventHookExecutionId": ...}}
     */
    void invokeAsync(String functionNameOrArn, String payload);
}
