package dev.greenlight.local.aws.codedeploy;

import dev.greenlight.local.aws.LocalAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackConfiguration;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentCreator;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOverview;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTarget;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetType;
import software.amazon.awssdk.services.codedeploy.model.ECSTarget;
import software.amazon.awssdk.services.codedeploy.model.ECSTaskSet;
import software.amazon.awssdk.services.codedeploy.model.ErrorCode;
import software.amazon.awssdk.services.codedeploy.model.ErrorInformation;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocation;
import software.amazon.awssdk.services.codedeploy.model.RollbackInfo;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.TargetLabel;
import software.amazon.awssdk.services.codedeploy.model.TargetStatus;

/**
 * One deployment and its single ECS target: what GetDeployment and GetDeploymentTarget report.
 * Mutated only by its {@link EcsDeploymentRun} (or the twin, for a rollback) under the twin's monitor.
 */
final class Deployment {

    final String id;
    final DeploymentGroup group;
    final DeploymentConfig config;
    final AutoRollbackConfiguration autoRollback;
    final AppSpec appSpec;
    final RevisionLocation revision;
    final String description;
    final DeploymentCreator creator;
    final Instant createTime;

    private DeploymentStatus status = DeploymentStatus.CREATED;
    private Instant startTime;
    private Instant completeTime;
    private ErrorInformation error;
    private RollbackInfo rollbackInfo;
    private boolean terminationWaitStarted;
    private final List<String> statusMessages = new ArrayList<>();

    private TargetStatus targetStatus = TargetStatus.PENDING;
    private Instant targetUpdated;
    private final Map<EcsLifecycleEvent, LifecycleEventRecord> events = new EnumMap<>(EcsLifecycleEvent.class);
    private final Map<String, HookExecution> hooks = new LinkedHashMap<>();

    TaskSet original;
    TaskSet replacement;
    int replacementPercent;
    boolean replacementPrimary;

    Deployment(String id, DeploymentGroup group, DeploymentConfig config, AutoRollbackConfiguration autoRollback,
            AppSpec appSpec, RevisionLocation revision, String description, DeploymentCreator creator,
            Instant createTime, List<EcsLifecycleEvent> lifecycle) {
        this.id = id;
        this.group = group;
        this.config = config;
        this.autoRollback = autoRollback;
        this.appSpec = appSpec;
        this.revision = revision;
        this.description = description;
        this.creator = creator;
        this.createTime = createTime;
        this.targetUpdated = createTime;
        lifecycle.forEach(event -> events.put(event, LifecycleEventRecord.pending(event)));
    }

    DeploymentStatus status() {
        return status;
    }

    /** Created, Queued, InProgress, Baking or Ready: it holds its deployment group. */
    boolean isActive() {
        return !isComplete();
    }

    boolean isComplete() {
        return status == DeploymentStatus.SUCCEEDED || status == DeploymentStatus.FAILED
                || status == DeploymentStatus.STOPPED;
    }

    boolean isStarted() {
        return status != DeploymentStatus.CREATED && status != DeploymentStatus.QUEUED;
    }

    boolean terminationWaitStarted() {
        return terminationWaitStarted;
    }

    void start(Instant now) {
        status = DeploymentStatus.IN_PROGRESS;
        startTime = now;
        setTarget(TargetStatus.IN_PROGRESS, now);
    }

    void ready(Instant now) {
        status = DeploymentStatus.READY;
        setTarget(TargetStatus.READY, now);
    }

    void resume(Instant now) {
        status = DeploymentStatus.IN_PROGRESS;
        setTarget(TargetStatus.IN_PROGRESS, now);
    }

    void terminationWaitStarted(Instant now) {
        terminationWaitStarted = true;
        targetUpdated = now;
    }

    void eventStarted(EcsLifecycleEvent event, Instant now) {
        events.computeIfPresent(event, (key, record) -> record.started(now));
        targetUpdated = now;
    }

    void eventEnded(EcsLifecycleEvent event, LifecycleEventStatus result, Instant now) {
        events.computeIfPresent(event, (key, record) -> record.ended(result, now));
        targetUpdated = now;
    }

    /** The event in progress, if any. */
    Optional<EcsLifecycleEvent> currentEvent() {
        return events.values().stream().filter(record -> record.status() == LifecycleEventStatus.IN_PROGRESS)
                .map(LifecycleEventRecord::event).findFirst();
    }

    void succeed(Instant now) {
        complete(DeploymentStatus.SUCCEEDED, null, now);
        setTarget(TargetStatus.SUCCEEDED, now);
    }

    /** Ends it Failed or Stopped: the running event fails, those not reached are skipped. */
    void end(DeploymentStatus result, ErrorCode code, String message, Instant now) {
        currentEvent().ifPresent(event -> eventEnded(event, LifecycleEventStatus.FAILED, now));
        events.replaceAll((event, record) -> record.isFinished() ? record
                : record.ended(LifecycleEventStatus.SKIPPED, now));
        complete(result, ErrorInformation.builder().code(code).message(message).build(), now);
        setTarget(TargetStatus.FAILED, now);
        statusMessages.add(message);
    }

    private void complete(DeploymentStatus result, ErrorInformation errorInformation, Instant now) {
        status = result;
        error = errorInformation;
        completeTime = now;
    }

    void rollbackInfo(RollbackInfo info) {
        rollbackInfo = info;
    }

    void addHook(HookExecution hook) {
        hooks.put(hook.id(), hook);
    }

    Optional<HookExecution> hook(String executionId) {
        return Optional.ofNullable(hooks.get(executionId));
    }

    void hookCompleted(String executionId) {
        hooks.computeIfPresent(executionId, (key, hook) -> hook.markCompleted());
    }

    private void setTarget(TargetStatus status, Instant now) {
        targetStatus = status;
        targetUpdated = now;
    }

    DeploymentInfo toInfo() {
        return DeploymentInfo.builder()
                .deploymentId(id)
                .applicationName(group.applicationName())
                .deploymentGroupName(group.name())
                .deploymentConfigName(config.name())
                .computePlatform(ComputePlatform.ECS)
                .revision(revision)
                .status(status)
                .errorInformation(error)
                .createTime(createTime)
                .startTime(startTime)
                .completeTime(completeTime)
                .deploymentOverview(overview())
                .description(description)
                .creator(creator)
                .autoRollbackConfiguration(autoRollback)
                .rollbackInfo(rollbackInfo)
                .deploymentStyle(group.toSdk().deploymentStyle())
                .blueGreenDeploymentConfiguration(group.blueGreen())
                .loadBalancerInfo(group.toSdk().loadBalancerInfo())
                .instanceTerminationWaitTimeStarted(terminationWaitStarted)
                .deploymentStatusMessages(statusMessages)
                .build();
    }

    /** Counts of targets by status; an ECS deployment has exactly one target. */
    private DeploymentOverview overview() {
        return DeploymentOverview.builder()
                .pending(count(TargetStatus.PENDING))
                .inProgress(count(TargetStatus.IN_PROGRESS))
                .succeeded(count(TargetStatus.SUCCEEDED))
                .failed(count(TargetStatus.FAILED))
                .skipped(count(TargetStatus.SKIPPED))
                .ready(count(TargetStatus.READY))
                .build();
    }

    private long count(TargetStatus status) {
        return targetStatus == status ? 1 : 0;
    }

    String targetId() {
        return group.service().targetId();
    }

    DeploymentTarget toTarget() {
        return DeploymentTarget.builder()
                .deploymentTargetType(DeploymentTargetType.ECS_TARGET)
                .ecsTarget(ECSTarget.builder()
                        .deploymentId(id)
                        .targetId(targetId())
                        .targetArn(LocalAccount.arn("ecs", "service/" + group.service().cluster() + "/"
                                + group.service().service()))
                        .lastUpdatedAt(targetUpdated)
                        .status(targetStatus)
                        .lifecycleEvents(events.values().stream().map(LifecycleEventRecord::toSdk).toList())
                        .taskSetsInfo(taskSets())
                        .build())
                .build();
    }

    private List<ECSTaskSet> taskSets() {
        List<ECSTaskSet> taskSets = new ArrayList<>();
        if (original != null) {
            taskSets.add(taskSet(original, TargetLabel.BLUE, 100 - replacementPercent, !replacementPrimary));
        }
        if (replacement != null) {
            taskSets.add(taskSet(replacement, TargetLabel.GREEN, replacementPercent, replacementPrimary));
        }
        return taskSets;
    }

    private static ECSTaskSet taskSet(TaskSet taskSet, TargetLabel label, int weight, boolean primary) {
        return ECSTaskSet.builder()
                .identifer(taskSet.id())
                .taskSetLabel(label)
                .trafficWeight((double) weight)
                .targetGroup(TargetGroupInfo.builder().name(taskSet.targetGroup()).build())
                .status(primary ? "PRIMARY" : "ACTIVE")
                .build();
    }
}
