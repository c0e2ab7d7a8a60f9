package dev.greenlight.local.aws.codedeploy;

/**
 * What CodeDeploy does to an ECS service with the CODE_DEPLOY deployment controller: it creates a
 * replacement task set, reroutes the test listener and then production traffic to it, and removes
 * the task set that lost. The ECS and Elastic Load Balancing twins implement this together
 * (CreateTaskSet, UpdateServicePrimaryTaskSet, DeleteTaskSet; ModifyListener with a weighted forward).
 */
public interface TaskSetRerouting {

    /** The service's primary task set, the one production traffic reaches before the deployment. */
    TaskSet originalTaskSet(EcsServiceId service);

    /** Creates the replacement task set (no production traffic yet) and returns its id. */
    String createReplacementTaskSet(ReplacementTaskSet taskSet);

    /**
     * Whether the replacement task set runs all its desired tasks and each passes the target
     * group's health checks: CodeDeploy's Install waits for this before any traffic reaches it.
     */
    boolean replacementReady(EcsServiceId service, String taskSetId, String targetGroup);

    /**
     * Why the task set's tasks that stopped before they ever ran stopped, as ECS words it (the task's
     * stoppedReason, with its containers' reasons): the ones ECS still lists, oldest first.
     */
    java.util.List<String> failedStarts(EcsServiceId service, String taskSetId);

    /** Points the test listener at the target group. */
    void routeTestTraffic(String testListenerArn, String targetGroup);

    /** Sets the production listener's weights between the original and the replacement target group. */
    void shiftProductionTraffic(String productionListenerArn, ProductionWeights weights);

    /** Makes the task set the service's primary one, once it serves all production traffic. */
    void updatePrimaryTaskSet(EcsServiceId service, String taskSetId);

    /** Removes a task set and its tasks. */
    void deleteTaskSet(EcsServiceId service, String taskSetId);
}
