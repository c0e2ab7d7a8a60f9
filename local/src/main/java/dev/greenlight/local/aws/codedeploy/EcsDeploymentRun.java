package dev.greenlight.local.aws.codedeploy;

import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.ErrorCode;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.RollbackInfo;

/**
 * Runs one ECS blue/green deployment on the clock: the lifecycle events in order, hooks with their
 * one-hour limit, the Ready wait, traffic shifting, the termination wait, alarm polls, and the
 * rollback when a failure or stop asks for one. Every step runs under the twin's monitor; calls
 * out to another service's twin that can call back (hooks, alarms) are made outside it.
 */
final class EcsDeploymentRun {

    /** A hook that does not report within an hour fails the deployment. */
    static final Duration HOOK_TIMEOUT = Duration.ofHours(1);
    /** How often Install checks the replacement task set, and how long it waits for it at most. */
    static final Duration READINESS_POLL = Duration.ofSeconds(15);
    static final Duration READINESS_TIMEOUT = Duration.ofHours(1);
    /**
     * How many of the replacement's tasks may stop before they ever run before Install gives up. AWS
     * publishes neither this rule nor its message for CodeDeploy; the count is the minimum of ECS's
     * deployment circuit breaker, which fails an ECS deployment after that many tasks fail to launch.
     */
    static final int FAILED_STARTS_LIMIT = 3;

    private final Deployment deployment;
    private final Object monitor;
    private final Clock clock;
    private final CodeDeployPorts ports;
    private final IdSource ids;
    private final Function<Deployment, Deployment> startRollbackDeployment;
    private final List<Clock.Timer> timers = new ArrayList<>();
    private Clock.Timer readyTimer;
    private Clock.Timer terminationTimer;

    EcsDeploymentRun(Deployment deployment, Object monitor, Clock clock, CodeDeployPorts ports, IdSource ids,
            Function<Deployment, Deployment> startRollbackDeployment) {
        this.deployment = deployment;
        this.monitor = monitor;
        this.clock = clock;
        this.ports = ports;
        this.ids = ids;
        this.startRollbackDeployment = startRollbackDeployment;
    }

    void start() {
        later(Duration.ZERO, this::begin);
    }

    private void begin() {
        deployment.start(clock.now());
        later(Duration.ZERO, this::pollAlarms);
        run(EcsLifecycleEvent.BEFORE_INSTALL);
    }

    private void run(EcsLifecycleEvent event) {
        if (deployment.isComplete()) {
            return;
        }
        deployment.eventStarted(event, clock.now());
        switch (event) {
            case INSTALL -> install();
            case ALLOW_TEST_TRAFFIC -> allowTestTraffic();
            case ALLOW_TRAFFIC -> allowTraffic();
            default -> invokeHook(event);
        }
    }

    private void invokeHook(EcsLifecycleEvent event) {
        String function = deployment.appSpec.hooks().get(event);
        if (function == null) {
            deployment.eventEnded(event, LifecycleEventStatus.SKIPPED, clock.now());
            next(event);
            return;
        }
        HookExecution hook = new HookExecution(ids.uuid(), event, function, false);
        deployment.addHook(hook);
        later(HOOK_TIMEOUT, () -> hookTimedOut(hook));
        // Asynchronous, as CodeDeploy invokes hooks: the function may answer before invokeAsync returns.
        clock.execute(() -> {
            try {
                ports.hooks().invokeAsync(function, hook.payload(deployment.id));
            } catch (RuntimeException e) {
                synchronized (monitor) {
                    failIfRefused(e);
                }
            }
        });
    }

    /** PutLifecycleEventHookExecutionStatus, already checked by the twin. */
    void hookAnswered(HookExecution hook, LifecycleEventStatus status) {
        deployment.hookCompleted(hook.id());
        if (status == LifecycleEventStatus.SUCCEEDED) {
            eventSucceeded(hook.event());
            return;
        }
        fail(ErrorCode.HOOK_EXECUTION_FAILURE, "The deployment failed because the " + hook.event().eventName()
                + " lifecycle event hook " + hook.function() + " reported Failed.",
                DeploymentStatus.FAILED, rollsBackOn(AutoRollbackEvent.DEPLOYMENT_FAILURE));
    }

    private void hookTimedOut(HookExecution hook) {
        boolean answered = deployment.hook(hook.id()).map(HookExecution::completed).orElse(true);
        if (answered || deployment.isComplete()) {
            return;
        }
        deployment.hookCompleted(hook.id());
        fail(ErrorCode.TIMEOUT, "The " + hook.event().eventName() + " lifecycle event hook " + hook.function()
                + " did not report its status within " + HOOK_TIMEOUT.toMinutes() + " minutes.",
                DeploymentStatus.FAILED, rollsBackOn(AutoRollbackEvent.DEPLOYMENT_FAILURE));
    }

    private void install() {
        EcsServiceId service = deployment.group.service();
        try {
            TaskSet original = ports.rerouting().originalTaskSet(service);
            String targetGroup = otherTargetGroup(original.targetGroup());
            String replacementId = ports.rerouting()
                    .createReplacementTaskSet(deployment.appSpec.replacementFor(service, targetGroup));
            deployment.original = original;
            deployment.replacement = new TaskSet(replacementId, targetGroup);
        } catch (RuntimeException e) {
            if (RoleRefusal.message(e, deployment.group.serviceRoleArn()).isPresent()) {
                failIfRefused(e);
                return;
            }
            fail(ErrorCode.ECS_UPDATE_ERROR, "The ECS replacement task set could not be created for service "
                    + service.targetId() + ": " + e.getMessage(), DeploymentStatus.FAILED,
                    rollsBackOn(AutoRollbackEvent.DEPLOYMENT_FAILURE));
            return;
        }
        awaitReplacement(clock.now().plus(READINESS_TIMEOUT));
    }

    /** Install ends once the replacement runs healthy, so no traffic ever reaches a task that is not ready. */
    private void awaitReplacement(java.time.Instant deadline) {
        if (deployment.isComplete()) {
            return;
        }
        TaskSet replacement = deployment.replacement;
        EcsServiceId service = deployment.group.service();
        if (ports.rerouting().replacementReady(service, replacement.id(), replacement.targetGroup())) {
            eventSucceeded(EcsLifecycleEvent.INSTALL);
            return;
        }
        List<String> failedStarts = ports.rerouting().failedStarts(service, replacement.id());
        if (failedStarts.size() >= FAILED_STARTS_LIMIT) {
            fail(ErrorCode.ECS_UPDATE_ERROR, "The ECS replacement task set " + replacement.id() + " could not start "
                    + "its tasks: " + failedStarts.size() + " tasks stopped before they ran. The last one stopped with "
                    + failedStarts.get(failedStarts.size() - 1),
                    DeploymentStatus.FAILED, rollsBackOn(AutoRollbackEvent.DEPLOYMENT_FAILURE));
        } else if (!clock.now().isBefore(deadline)) {
            fail(ErrorCode.ECS_UPDATE_ERROR, "The ECS replacement task set " + replacement.id() + " did not reach a "
                    + "steady state with healthy targets within " + READINESS_TIMEOUT.toMinutes() + " minutes.",
                    DeploymentStatus.FAILED, rollsBackOn(AutoRollbackEvent.DEPLOYMENT_FAILURE));
        } else {
            later(READINESS_POLL, () -> awaitReplacement(deadline));
        }
    }

    /** The replacement task set registers in whichever target group of the pair production is not using. */
    private String otherTargetGroup(String productionTargetGroup) {
        List<String> pair = deployment.group.targetGroups();
        return pair.get(0).equals(productionTargetGroup) ? pair.get(1) : pair.get(0);
    }

    private void allowTestTraffic() {
        deployment.group.testListener().ifPresent(listener ->
                ports.rerouting().routeTestTraffic(listener, deployment.replacement.targetGroup()));
        eventSucceeded(EcsLifecycleEvent.ALLOW_TEST_TRAFFIC);
    }

    private void allowTraffic() {
        for (TrafficStep step : deployment.config.routing().steps()) {
            later(step.after(), () -> shiftTraffic(step.replacementPercent()));
        }
    }

    private void shiftTraffic(int replacementPercent) {
        ports.rerouting().shiftProductionTraffic(deployment.group.productionListener(), weights(replacementPercent));
        deployment.replacementPercent = replacementPercent;
        if (replacementPercent == 100) {
            ports.rerouting().updatePrimaryTaskSet(deployment.group.service(), deployment.replacement.id());
            deployment.replacementPrimary = true;
            eventSucceeded(EcsLifecycleEvent.ALLOW_TRAFFIC);
        }
    }

    private ProductionWeights weights(int replacementPercent) {
        return new ProductionWeights(deployment.original.targetGroup(), 100 - replacementPercent,
                deployment.replacement.targetGroup(), replacementPercent);
    }

    private void eventSucceeded(EcsLifecycleEvent event) {
        deployment.eventEnded(event, LifecycleEventStatus.SUCCEEDED, clock.now());
        later(Duration.ZERO, () -> next(event));
    }

    private void next(EcsLifecycleEvent finished) {
        if (deployment.isComplete()) {
            return;
        }
        if (finished == EcsLifecycleEvent.AFTER_ALLOW_TEST_TRAFFIC && deployment.group.readyWait().isPresent()) {
            awaitReady(deployment.group.readyWait().get());
        } else if (finished == EcsLifecycleEvent.AFTER_ALLOW_TRAFFIC) {
            awaitTermination();
        } else {
            run(EcsLifecycleEvent.values()[finished.ordinal() + 1]);
        }
    }

    /** STOP_DEPLOYMENT: production traffic waits for ContinueDeployment(READY_WAIT). */
    private void awaitReady(Duration wait) {
        deployment.ready(clock.now());
        readyTimer = later(wait, () -> fail(ErrorCode.TIMEOUT, "The deployment was stopped because traffic "
                + "rerouting was not started within the " + wait.toMinutes() + "-minute wait time.",
                DeploymentStatus.STOPPED, rollsBackOn(AutoRollbackEvent.DEPLOYMENT_FAILURE)));
    }

    /** ContinueDeployment(READY_WAIT), already checked by the twin. */
    void continueFromReady() {
        readyTimer.cancel();
        deployment.resume(clock.now());
        later(Duration.ZERO, () -> run(EcsLifecycleEvent.BEFORE_ALLOW_TRAFFIC));
    }

    private void awaitTermination() {
        Duration wait = deployment.group.terminationWait().orElse(null);
        if (wait == null) {
            succeed();
            return;
        }
        deployment.terminationWaitStarted(clock.now());
        terminationTimer = later(wait, this::terminateOriginal);
    }

    /** ContinueDeployment(TERMINATION_WAIT), already checked by the twin: remove blue now. */
    void endTerminationWait() {
        terminationTimer.cancel();
        terminateOriginal();
    }

    private void terminateOriginal() {
        ports.rerouting().deleteTaskSet(deployment.group.service(), deployment.original.id());
        deployment.original = null;
        succeed();
    }

    private void succeed() {
        deployment.succeed(clock.now());
        cancelTimers();
    }

    /** StopDeployment; {@code autoRollbackEnabled} null means the deployment's own setting. */
    void stopOnRequest(Boolean autoRollbackEnabled) {
        boolean rollBack = autoRollbackEnabled != null ? autoRollbackEnabled
                : rollsBackOn(AutoRollbackEvent.DEPLOYMENT_STOP_ON_REQUEST);
        fail(ErrorCode.MANUAL_STOP, "The deployment was stopped by a StopDeployment request.",
                DeploymentStatus.STOPPED, rollBack);
    }

    private void pollAlarms() {
        List<String> alarms = deployment.group.watchedAlarms();
        if (deployment.isComplete() || alarms.isEmpty()) {
            return;
        }
        clock.execute(() -> {
            AlarmPoll poll = AlarmPoll.of(ports.alarms(), alarms);
            synchronized (monitor) {
                assess(poll);
            }
        });
    }

    private void assess(AlarmPoll poll) {
        if (deployment.isComplete()) {
            return;
        }
        if (!poll.inAlarm().isEmpty()) {
            fail(ErrorCode.ALARM_ACTIVE, "One or more alarms have been activated according to the Amazon CloudWatch "
                    + "metrics you selected, and the affected deployments have been stopped. Activated alarms: <"
                    + String.join(",", poll.inAlarm()) + ">", DeploymentStatus.STOPPED,
                    rollsBackOn(AutoRollbackEvent.DEPLOYMENT_STOP_ON_ALARM));
        } else if (poll.failure() != null && !deployment.group.ignoresPollAlarmFailure()) {
            fail(ErrorCode.ALARM_ACTIVE, "The deployment was stopped because the state of its alarms could not be "
                    + "retrieved: " + poll.failure(), DeploymentStatus.STOPPED,
                    rollsBackOn(AutoRollbackEvent.DEPLOYMENT_STOP_ON_ALARM));
        } else {
            later(ports.alarmPollInterval(), this::pollAlarms);
        }
    }

    /** One read of the alarms: the names in ALARM, or why they could not be read. */
    private record AlarmPoll(Set<String> inAlarm, String failure) {
        static AlarmPoll of(AlarmStates states, List<String> alarms) {
            try {
                return new AlarmPoll(Set.copyOf(states.inAlarm(alarms)), null);
            } catch (RuntimeException e) {
                return new AlarmPoll(Set.of(), String.valueOf(e.getMessage()));
            }
        }
    }

    private boolean rollsBackOn(AutoRollbackEvent event) {
        return DeploymentGroup.rollsBackOn(deployment.autoRollback, event);
    }

    private void fail(ErrorCode code, String message, DeploymentStatus status, boolean rollBack) {
        if (deployment.isComplete()) {
            return;
        }
        deployment.end(status, code, message, clock.now());
        cancelTimers();
        if (rollBack && deployment.replacement != null) {
            rollBack();
        }
    }

    /**
     * CodeDeploy rolls back by a new deployment (its own id, creator codeDeployRollback) that puts
     * all production traffic back on the original task set and removes the replacement.
     */
    private void rollBack() {
        Deployment rollback = startRollbackDeployment.apply(deployment);
        TaskSet original = deployment.original;
        TaskSet replacement = deployment.replacement;
        rollback.rollbackInfo(RollbackInfo.builder().rollbackTriggeringDeploymentId(deployment.id).build());
        try {
            ports.rerouting().shiftProductionTraffic(deployment.group.productionListener(), weights(0));
            deployment.group.testListener().ifPresent(listener ->
                    ports.rerouting().routeTestTraffic(listener, original.targetGroup()));
            if (deployment.replacementPrimary) {
                ports.rerouting().updatePrimaryTaskSet(deployment.group.service(), original.id());
            }
            ports.rerouting().deleteTaskSet(deployment.group.service(), replacement.id());
        } catch (RuntimeException e) {
            // The rollback acts as the same role: refused, it fails as its deployment did, where it got to.
            rollback.end(DeploymentStatus.FAILED, ErrorCode.IAM_ROLE_PERMISSIONS,
                    RoleRefusal.message(e, deployment.group.serviceRoleArn()).orElseThrow(() -> e), clock.now());
            deployment.rollbackInfo(RollbackInfo.builder().rollbackDeploymentId(rollback.id).build());
            return;
        }
        deployment.replacement = null;
        deployment.replacementPercent = 0;
        deployment.replacementPrimary = false;
        rollback.original = original;
        rollback.succeed(clock.now());
        deployment.rollbackInfo(RollbackInfo.builder().rollbackDeploymentId(rollback.id)
                .rollbackMessage("Deployment " + deployment.id + " was rolled back by deployment " + rollback.id
                        + ": all traffic is back on the original task set " + original.id() + ".")
                .build());
    }

    /**
     * A call made as the service role that IAM refused fails the deployment ({@code IAM_ROLE_PERMISSIONS});
     * any other failure is rethrown. Called under the monitor.
     */
    private void failIfRefused(RuntimeException failure) {
        String message = RoleRefusal.message(failure, deployment.group.serviceRoleArn()).orElseThrow(() -> failure);
        fail(ErrorCode.IAM_ROLE_PERMISSIONS, message, DeploymentStatus.FAILED,
                rollsBackOn(AutoRollbackEvent.DEPLOYMENT_FAILURE));
    }

    /** Schedules a step under the monitor; a step that has run forgets its timer. Called under the monitor. */
    private Clock.Timer later(Duration delay, Runnable step) {
        Clock.Timer[] timer = new Clock.Timer[1];
        timer[0] = clock.schedule(delay, () -> {
            synchronized (monitor) {
                timers.remove(timer[0]);
                try {
                    step.run();
                } catch (RuntimeException e) {
                    failIfRefused(e);
                }
            }
        });
        timers.add(timer[0]);
        return timer[0];
    }

    private void cancelTimers() {
        timers.forEach(Clock.Timer::cancel);
        timers.clear();
    }
}
