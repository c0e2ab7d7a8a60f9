package dev.greenlight.local.aws.codedeploy;

/** A lifecycle hook invocation waiting for PutLifecycleEventHookExecutionStatus, or already answered. */
record HookExecution(String id, EcsLifecycleEvent event, String function, boolean completed) {

    HookExecution markCompleted() {
        return new HookExecution(id, event, function, true);
    }

    /** CodeDeploy's event for the hook function. */
    String payload(String deploymentId) {
        return "{\"DeploymentId\":\"" + deploymentId + "\",\"LifecycleEventHookExecutionId\":\"" + id + "\"}";
    }
}
