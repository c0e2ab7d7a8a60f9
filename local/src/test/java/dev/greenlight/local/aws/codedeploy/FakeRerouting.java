package dev.greenlight.local.aws.codedeploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** ECS and ELB as CodeDeploy sees them: one service whose blue task set is in target group "tg-blue". */
final class FakeRerouting implements TaskSetRerouting {

    final List<String> calls = new ArrayList<>();
    final Map<String, String> testListenerTarget = new HashMap<>();
    final List<ProductionWeights> productionWeights = new ArrayList<>();
    final List<Instant> productionShiftTimes = new ArrayList<>();
    Supplier<Instant> now = () -> Instant.EPOCH;
    final List<String> deletedTaskSets = new ArrayList<>();
    String primaryTaskSet = "ts-blue";
    RuntimeException createFailure;
    private int created;

    @Override
    public TaskSet originalTaskSet(EcsServiceId service) {
        return new TaskSet("ts-blue", "tg-blue");
    }

    @Override
    public String createReplacementTaskSet(ReplacementTaskSet taskSet) {
        if (createFailure != null) {
            throw createFailure;
        }
        calls.add("create " + taskSet.taskDefinition() + " " + taskSet.containerName() + ":" + taskSet.containerPort()
                + " in " + taskSet.targetGroup());
        return "ts-green-" + ++created;
    }

    /** When the replacement becomes ready; ready at once unless a test says otherwise. */
    Instant replacementReadyAt = Instant.MIN;

    @Override
    public boolean replacementReady(EcsServiceId service, String taskSetId, String targetGroup) {
        return !now.get().isBefore(replacementReadyAt);
    }

    /** Tasks of the replacement that stopped before they ran, as a test sets them. */
    final List<String> failedStarts = new ArrayList<>();

    @Override
    public List<String> failedStarts(EcsServiceId service, String taskSetId) {
        return List.copyOf(failedStarts);
    }

    @Override
    public void routeTestTraffic(String testListenerArn, String targetGroup) {
        calls.add("test " + targetGroup);
        testListenerTarget.put(testListenerArn, targetGroup);
    }

    @Override
    public void shiftProductionTraffic(String productionListenerArn, ProductionWeights weights) {
        calls.add("production " + weights.originalPercent() + "/" + weights.replacementPercent());
        productionWeights.add(weights);
        productionShiftTimes.add(now.get());
    }

    @Override
    public void updatePrimaryTaskSet(EcsServiceId service, String taskSetId) {
        calls.add("primary " + taskSetId);
        primaryTaskSet = taskSetId;
    }

    @Override
    public void deleteTaskSet(EcsServiceId service, String taskSetId) {
        calls.add("delete " + taskSetId);
        deletedTaskSets.add(taskSetId);
    }

    /** The replacement's share of production traffic now. */
    int greenPercent() {
        return productionWeights.isEmpty() ? 0 : productionWeights.get(productionWeights.size() - 1).replacementPercent();
    }
}
