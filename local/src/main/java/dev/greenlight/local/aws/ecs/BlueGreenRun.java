package dev.greenlight.local.aws.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.clock.Clock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Rollback;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentAlarms;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentLifecycleStage;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentRollbackMonitorsStatus;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;
import software.amazon.awssdk.services.ecs.model.StabilityStatus;

/**
 * One ECS-native blue/green service deployment (Developer Guide, "Amazon ECS blue/green service
 * deployments workflow" and "Lifecycle hooks"): the stages in AWS's order, each stage's Lambda hooks
 * invoked with the documented payload and invoked again after {@code callBackDelay} (30 s by default)
 * while they answer IN_PROGRESS; green scaled up on the alternate target group; test traffic, then
 * production traffic moved on the listener rules (all at once, canary or linear); bake time with blue
 * kept; then blue removed. A FAILED answer, a failed function, a deployment alarm in ALARM, the
 * circuit breaker or StopServiceDeployment(ROLLBACK) rolls back: production, then test traffic back on
 * blue, each followed by that traffic-shift stage's hooks (the Developer Guide's "Lifecycle hooks": on
 * a rollback ECS runs the hooks of PRODUCTION_TRAFFIC_SHIFT and TEST_TRAFFIC_SHIFT), then green removed.
 *
 * <p>Every change happens under the state's monitor; hooks are invoked outside it, as ECS calls Lambda
 * from outside the service.
 */
final class BlueGreenRun {

    /** How often the twin looks at green's tasks and the deployment's alarms; AWS does not publish its cadence. */
    static final Duration LOOK_INTERVAL = Duration.ofSeconds(15);
    /** Documented default when the hook returns no callBackDelay. */
    static final Duration DEFAULT_CALL_BACK_DELAY = Duration.ofSeconds(30);
    /**
     * How long a hook may keep answering IN_PROGRESS before the deployment rolls back: the documented
     * default of DeploymentLifecycleHookTimeoutConfiguration (timeoutInMinutes 1440, action ROLLBACK).
     * That configuration (1 to 20160 minutes, or CONTINUE) is newer than the SDK the project pins
     * (2.40.2), so no request can set it and the default is the only timeout.
     */
    static final Duration HOOK_TIMEOUT = Duration.ofMinutes(1440);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EcsState state;
    private final Clock clock;
    private final ServiceScheduler scheduler;
    private final BlueGreenPorts ports;

    final String arn;
    private final String cluster;
    private final String serviceName;
    private final String serviceArn;
    private final String sourceRevision;
    final String targetRevision;
    private final DeploymentConfiguration configuration;
    private final LoadBalancer balancer;
    private final String blueSet;
    private final String blueTargetGroup;
    private final String greenTargetGroup;
    private final Instant createdAt;
    /** A STOPPED deployment that left its green running beside blue: two ACTIVE revisions to reconcile. */
    private final BlueGreenRun stopped;

    private ServiceDeploymentStatus status = ServiceDeploymentStatus.PENDING;
    private String statusReason;
    private ServiceDeploymentLifecycleStage stage;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant stoppedAt;
    private Instant updatedAt;
    private Rollback rollback;
    private final List<String> triggeredAlarms = new ArrayList<>();
    private String greenSet;
    private int testWeight;
    private int productionWeight;
    /** Bumped by every change of course, so that a hook answer or timer of an earlier course does nothing. */
    private int course;

    BlueGreenRun(EcsState state, Clock clock, ServiceScheduler scheduler, BlueGreenPorts ports, String arn,
            ServiceState service, String sourceRevision, String targetRevision, TaskSetState blue,
            BlueGreenRun stopped) {
        this.state = state;
        this.clock = clock;
        this.scheduler = scheduler;
        this.ports = ports;
        this.arn = arn;
        this.cluster = service.cluster();
        this.serviceName = service.name();
        this.serviceArn = service.arn();
        this.sourceRevision = sourceRevision;
        this.targetRevision = targetRevision;
        this.configuration = service.deploymentConfiguration();
        this.balancer = service.loadBalancers().isEmpty() ? null : service.loadBalancers().get(0);
        this.blueSet = blue.id();
        this.blueTargetGroup = blue.loadBalancers().isEmpty() ? null : blue.loadBalancers().get(0).targetGroupArn();
        this.greenTargetGroup = balancer == null ? null : otherTargetGroup(balancer, blue);
        this.createdAt = clock.now();
        this.updatedAt = createdAt;
        this.stopped = stopped;
    }

    /** Green goes on whichever of the two target groups blue is not on. */
    static String otherTargetGroup(LoadBalancer balancer, TaskSetState blue) {
        String blueGroup = blue.loadBalancers().isEmpty() ? null : blue.loadBalancers().get(0).targetGroupArn();
        return balancer.targetGroupArn().equals(blueGroup)
                ? balancer.advancedConfiguration().alternateTargetGroupArn() : balancer.targetGroupArn();
    }

    ServiceState service() {
        return state.service(state.clusters.get(cluster), serviceName);
    }

    boolean ended() {
        return status == ServiceDeploymentStatus.SUCCESSFUL || status == ServiceDeploymentStatus.STOPPED
                || status == ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL
                || status == ServiceDeploymentStatus.ROLLBACK_FAILED;
    }

    ServiceDeploymentStatus status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    String serviceArn() {
        return serviceArn;
    }

    /**
     * Starts on the clock; the caller has checked the listener rules ({@link #checkRules}). RECONCILE_SERVICE
     * "only happens when you start a new service deployment with more than 1 service revision in an ACTIVE
     * state": in the twin, after a deployment STOPPED by its alarms or circuit breaker without rollback.
     */
    void start() {
        int now = course;
        clock.execute(() -> locked(now, () -> {
            status = ServiceDeploymentStatus.IN_PROGRESS;
            startedAt = clock.now();
            enter(stopped == null ? ServiceDeploymentLifecycleStage.PRE_SCALE_UP
                    : ServiceDeploymentLifecycleStage.RECONCILE_SERVICE);
            watchAlarms(course);
        }));
    }

    /** Blue's task set: the one a later deployment deploys from when this one STOPPED with both running. */
    String blueSet() {
        return blueSet;
    }

    /** Whether this deployment STOPPED with its green still running beside blue. */
    boolean leftTwoRevisions() {
        TaskSetState green = greenSet == null ? null : state.taskSets.get(greenSet);
        return status == ServiceDeploymentStatus.STOPPED && green != null
                && !TaskSetState.DRAINING.equals(green.status());
    }

    /** Both rules must forward to both target groups before a deployment starts. */
    static void checkRules(BlueGreenPorts ports, List<LoadBalancer> loadBalancers) {
        for (LoadBalancer balancer : loadBalancers) {
            String alternate = balancer.advancedConfiguration().alternateTargetGroupArn();
            String production = balancer.advancedConfiguration().productionListenerRule();
            BlueGreenRules.checkRule(production, ports.weights(production), balancer.targetGroupArn(), alternate);
            String test = balancer.advancedConfiguration().testListenerRule();
            if (test != null) {
                BlueGreenRules.checkRule(test, ports.weights(test), balancer.targetGroupArn(), alternate);
            }
        }
    }

    /** Its service was deleted: nothing it scheduled acts any more. */
    void deleted() {
        course++;
    }

    /** StopServiceDeployment with ROLLBACK. */
    void stopWithRollback() {
        if (ended()) {
            throw EcsErrors.conflict("The service deployment " + arn + " is " + status + " and cannot be stopped.");
        }
        if (status == ServiceDeploymentStatus.ROLLBACK_REQUESTED
                || status == ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS) {
            return;
        }
        status = ServiceDeploymentStatus.ROLLBACK_REQUESTED;
        updatedAt = clock.now();
        int now = ++course;
        clock.execute(() -> locked(now, () -> rollBack("Service deployment rolled back because of a stop request "
                + "(StopServiceDeployment)")));
    }

    private void enter(ServiceDeploymentLifecycleStage next) {
        stage = next;
        updatedAt = clock.now();
        switch (next) {
            case RECONCILE_SERVICE -> hooks(next, 0, () -> {
                reconcile();
                enter(ServiceDeploymentLifecycleStage.PRE_SCALE_UP);
            }, this::hookFailed);
            case SCALE_UP -> scaleUp();
            case TEST_TRAFFIC_SHIFT -> {
                testWeight = 100;
                weigh(balancer == null ? null : balancer.advancedConfiguration().testListenerRule(), testWeight);
                hooks(next, 0, () -> enter(ServiceDeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT), this::hookFailed);
            }
            case PRODUCTION_TRAFFIC_SHIFT -> shiftProduction();
            case BAKE_TIME -> {
                int now = course;
                clock.schedule(Duration.ofMinutes(orZero(configuration.bakeTimeInMinutes())),
                        () -> locked(now, () -> enter(ServiceDeploymentLifecycleStage.CLEAN_UP)));
            }
            case CLEAN_UP -> cleanUp();
            default -> hooks(next, 0, () -> enter(after(next)), this::hookFailed);
        }
    }

    private static ServiceDeploymentLifecycleStage after(ServiceDeploymentLifecycleStage stage) {
        return switch (stage) {
            case RECONCILE_SERVICE -> ServiceDeploymentLifecycleStage.PRE_SCALE_UP;
            case PRE_SCALE_UP -> ServiceDeploymentLifecycleStage.SCALE_UP;
            case SCALE_UP -> ServiceDeploymentLifecycleStage.POST_SCALE_UP;
            case POST_SCALE_UP -> ServiceDeploymentLifecycleStage.TEST_TRAFFIC_SHIFT;
            case TEST_TRAFFIC_SHIFT -> ServiceDeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT;
            case POST_TEST_TRAFFIC_SHIFT -> ServiceDeploymentLifecycleStage.PRODUCTION_TRAFFIC_SHIFT;
            case PRODUCTION_TRAFFIC_SHIFT -> ServiceDeploymentLifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT;
            case POST_PRODUCTION_TRAFFIC_SHIFT -> ServiceDeploymentLifecycleStage.BAKE_TIME;
            default -> ServiceDeploymentLifecycleStage.CLEAN_UP;
        };
    }

    /**
     * What ECS's reconciliation does is not published; the twin scales the stopped deployment's green in
     * and puts both rules back on the source revision, so this deployment starts from one revision.
     */
    private void reconcile() {
        TaskSetState left = stopped.greenSet == null ? null : state.taskSets.get(stopped.greenSet);
        if (left != null) {
            state.put(left.withStatus(TaskSetState.DRAINING, clock.now()));
            scheduler.reconcile(left.id());
        }
        TaskSetState blue = state.taskSets.get(blueSet);
        if (blue != null) {
            state.put(blue.withStatus(TaskSetState.PRIMARY, clock.now()));
        }
        if (balancer != null) {
            weigh(balancer.advancedConfiguration().productionListenerRule(), 0);
            weigh(balancer.advancedConfiguration().testListenerRule(), 0);
        }
    }

    /** Green: the target revision's tasks on the alternate target group, at the service's full count. */
    private void scaleUp() {
        ServiceState service = service();
        List<LoadBalancer> onGreen = service.loadBalancers().stream()
                .map(lb -> lb.toBuilder().targetGroupArn(greenTargetGroup).build()).toList();
        TaskSetState blue = state.taskSets.get(blueSet);
        TaskSetState green = TaskSetFactory.create(state, service, state.revisions.get(targetRevision)
                        .taskDefinition(), TaskSetState.PRIMARY, 100.0, onGreen, service.network(),
                service.platformVersion(), null, null, clock.now());
        greenSet = green.id();
        state.put(blue.withStatus(TaskSetState.ACTIVE, clock.now()));
        state.put(green);
        scheduler.reconcile(green.id());
        awaitGreen(course);
    }

    /** Until green's tasks are all running, or the circuit breaker trips. */
    private void awaitGreen(int now) {
        TaskSetState green = state.taskSets.get(greenSet);
        if (green != null && green.stability() == StabilityStatus.STEADY_STATE) {
            enter(ServiceDeploymentLifecycleStage.POST_SCALE_UP);
            return;
        }
        var breaker = configuration.deploymentCircuitBreaker();
        if (green != null && breaker != null && Boolean.TRUE.equals(breaker.enable())
                && green.launchFailures() >= failureThreshold(service().desiredCount())) {
            if (Boolean.TRUE.equals(breaker.rollback())) {
                rollBack("Service deployment rolled back because the circuit breaker threshold was exceeded.");
            } else {
                stop("Service deployment stopped because the circuit breaker threshold was exceeded.");
            }
            return;
        }
        clock.schedule(LOOK_INTERVAL, () -> locked(now, () -> awaitGreen(now)));
    }

    /** Developer Guide, deployment circuit breaker: half the desired count, at least 3 and at most 200. */
    static int failureThreshold(int desiredCount) {
        return Math.max(3, Math.min(200, (int) Math.ceil(desiredCount * 0.5)));
    }

    /** The production steps of the strategy: 100 at once; canary, then 100; or equal linear steps to 100. */
    List<Integer> productionSteps() {
        DeploymentStrategy strategy = configuration.strategy();
        if (strategy == DeploymentStrategy.CANARY) {
            double percent = configuration.canaryConfiguration() == null
                    || configuration.canaryConfiguration().canaryPercent() == null ? 5.0
                    : configuration.canaryConfiguration().canaryPercent();
            return percent >= 100.0 ? List.of(100) : List.of(weight(percent), 100);
        }
        if (strategy == DeploymentStrategy.LINEAR) {
            double step = configuration.linearConfiguration() == null
                    || configuration.linearConfiguration().stepPercent() == null ? 10.0
                    : configuration.linearConfiguration().stepPercent();
            List<Integer> steps = new ArrayList<>();
            for (double at = step; at < 100.0 - 1e-9; at += step) {
                steps.add(weight(at));
            }
            steps.add(100);
            return steps;
        }
        return List.of(100);
    }

    /** Between two production steps: canaryBakeTime (default 10) or stepBakeTime (default 6) minutes. */
    Duration stepWait() {
        if (configuration.strategy() == DeploymentStrategy.CANARY) {
            Integer minutes = configuration.canaryConfiguration() == null ? null
                    : configuration.canaryConfiguration().canaryBakeTimeInMinutes();
            return Duration.ofMinutes(minutes == null ? 10 : minutes);
        }
        Integer minutes = configuration.linearConfiguration() == null ? null
                : configuration.linearConfiguration().stepBakeTimeInMinutes();
        return Duration.ofMinutes(minutes == null ? 6 : minutes);
    }

    /**
     * Listener rule weights are whole numbers: a fractional percent is rounded, at least 1 so the
     * canary gets traffic. (ECS's own rounding is not published.)
     */
    private static int weight(double percent) {
        return (int) Math.max(1, Math.min(99, Math.round(percent)));
    }

    private void shiftProduction() {
        shiftStep(productionSteps(), 0);
    }

    /** Each step moves the production weights, then runs the stage's hooks, then waits before the next. */
    private void shiftStep(List<Integer> steps, int index) {
        productionWeight = steps.get(index);
        weigh(balancer == null ? null : balancer.advancedConfiguration().productionListenerRule(), productionWeight);
        hooks(ServiceDeploymentLifecycleStage.PRODUCTION_TRAFFIC_SHIFT, 0, () -> {
            if (index + 1 == steps.size()) {
                enter(ServiceDeploymentLifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT);
                return;
            }
            int now = course;
            clock.schedule(stepWait(), () -> locked(now, () -> shiftStep(steps, index + 1)));
        }, this::hookFailed);
    }

    private void cleanUp() {
        TaskSetState blue = state.taskSets.get(blueSet);
        if (blue != null) {
            state.put(blue.withStatus(TaskSetState.DRAINING, clock.now()));
            scheduler.reconcile(blue.id());
        }
        state.currentRevisions.put(serviceArn, targetRevision);
        status = ServiceDeploymentStatus.SUCCESSFUL;
        statusReason = null;
        finishedAt = clock.now();
        updatedAt = finishedAt;
        course++;
    }

    /**
     * Production back on blue and that stage's hooks, then test traffic and its hooks, then green removed
     * and the service back on the source revision's task definition. Hooks answering IN_PROGRESS hold the
     * rollback in ROLLBACK_IN_PROGRESS as they hold a deployment.
     */
    private void rollBack(String reason) {
        if (ended() || status == ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS) {
            return;
        }
        course++;
        status = ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS;
        statusReason = reason;
        rollback = Rollback.builder().reason(reason).startedAt(clock.now()).serviceRevisionArn(sourceRevision)
                .build();
        shiftBack(ServiceDeploymentLifecycleStage.PRODUCTION_TRAFFIC_SHIFT, () ->
                shiftBack(ServiceDeploymentLifecycleStage.TEST_TRAFFIC_SHIFT, this::rolledBack));
    }

    private void shiftBack(ServiceDeploymentLifecycleStage shift, Runnable next) {
        stage = shift;
        updatedAt = clock.now();
        if (shift == ServiceDeploymentLifecycleStage.PRODUCTION_TRAFFIC_SHIFT) {
            productionWeight = 0;
            weigh(balancer == null ? null : balancer.advancedConfiguration().productionListenerRule(), 0);
        } else {
            testWeight = 0;
            weigh(balancer == null ? null : balancer.advancedConfiguration().testListenerRule(), 0);
        }
        hooks(shift, 0, next, this::rollbackFailed);
    }

    private void rolledBack() {
        TaskSetState blue = state.taskSets.get(blueSet);
        if (blue != null) {
            state.put(blue.withStatus(TaskSetState.PRIMARY, clock.now()));
        }
        TaskSetState green = greenSet == null ? null : state.taskSets.get(greenSet);
        if (green != null) {
            state.put(green.withStatus(TaskSetState.DRAINING, clock.now()));
            scheduler.reconcile(green.id());
        }
        ServiceState service = service();
        state.put(service.withTaskDefinition(state.revisions.get(sourceRevision).taskDefinition()));
        end(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
    }

    private void hookFailed(String what) {
        rollBack("Service deployment rolled back because " + what + ".");
    }

    /**
     * A hook that fails during the rollback: what ECS then does is not published; the twin ends the
     * deployment ROLLBACK_FAILED with the traffic already moved back, and green left running.
     */
    private void rollbackFailed(String why) {
        statusReason = statusReason + " The rollback failed because " + why + ".";
        end(ServiceDeploymentStatus.ROLLBACK_FAILED);
    }

    /**
     * A failure its detection does not roll back (ServiceDeployment.stoppedAt: "the rollback option is not
     * in use for the failure detection mechanism ... and the service fails"): STOPPED, with blue and green
     * left as they are. The wording of the reasons is not published.
     */
    private void stop(String reason) {
        statusReason = reason;
        end(ServiceDeploymentStatus.STOPPED);
    }

    private void end(ServiceDeploymentStatus last) {
        status = last;
        finishedAt = clock.now();
        stoppedAt = finishedAt;
        updatedAt = finishedAt;
        course++;
    }

    /** Green's share of a rule; nothing when the service has no such rule. */
    private void weigh(String rule, int greenWeight) {
        if (rule == null) {
            return;
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put(blueTargetGroup, 100 - greenWeight);
        weights.put(greenTargetGroup, greenWeight);
        ports.weigh(rule, weights);
    }

    /** The deployment's alarms, while it runs: one in ALARM rolls back when the configuration says so. */
    private void watchAlarms(int now) {
        var alarms = configuration.alarms();
        if (alarms == null || !Boolean.TRUE.equals(alarms.enable()) || alarms.alarmNames().isEmpty() || ended()) {
            return;
        }
        List<String> firing = new ArrayList<>(ports.inAlarm(alarms.alarmNames()));
        if (!firing.isEmpty()) {
            triggeredAlarms.clear();
            triggeredAlarms.addAll(firing);
            String why = "one or more CloudWatch alarms are in ALARM state: " + String.join(", ", firing) + ".";
            if (Boolean.TRUE.equals(alarms.rollback())) {
                rollBack("Service deployment rolled back because " + why);
            } else {
                stop("Service deployment stopped because " + why);
            }
            return;
        }
        clock.schedule(LOOK_INTERVAL, () -> locked(now, () -> watchAlarms(now)));
    }

    /**
     * The stage's hooks in order, each until it answers SUCCEEDED, then {@code next}; a hook that fails
     * or times out hands {@code failed} the reason instead.
     */
    private void hooks(ServiceDeploymentLifecycleStage stage, int index, Runnable next, Consumer<String> failed) {
        List<DeploymentLifecycleHook> hooks = configuration.lifecycleHooks().stream()
                .filter(hook -> hook.lifecycleStagesAsStrings().contains(stage.toString())).toList();
        if (index >= hooks.size()) {
            next.run();
            return;
        }
        invoke(hooks.get(index), stage, clock.now().plus(HOOK_TIMEOUT), () -> hooks(stage, index + 1, next, failed),
                failed);
    }

    /** Invokes outside the monitor, then acts on the answer under it. */
    private void invoke(DeploymentLifecycleHook hook, ServiceDeploymentLifecycleStage stage, Instant expiresAt,
            Runnable succeeded, Consumer<String> failed) {
        int now = course;
        String payload = payload(hook);
        clock.execute(() -> {
            Optional<String> answer;
            try {
                answer = ports.invoke(hook.roleArn(), hook.hookTargetArn(), payload);
            } catch (RoleRefused refused) {
                // AWS does not publish the reason ECS gives when it cannot invoke a hook as its role; the
                // twin names the hook, the stage and the refusal, so the missing trust or permission can be read.
                locked(now, () -> failed.accept("the lifecycle hook " + hook.hookTargetArn()
                        + " could not be invoked as role " + hook.roleArn() + " at " + stage + ": "
                        + refused.getMessage()));
                return;
            }
            locked(now, () -> answered(hook, stage, expiresAt, succeeded, failed, answer));
        });
    }

    private void answered(DeploymentLifecycleHook hook, ServiceDeploymentLifecycleStage stage, Instant expiresAt,
            Runnable succeeded, Consumer<String> failed, Optional<String> answer) {
        JsonNode reply = answer.map(BlueGreenRun::parse).orElse(null);
        String hookStatus = reply == null ? null : reply.path("hookStatus").asText(null);
        if ("SUCCEEDED".equals(hookStatus)) {
            succeeded.run();
        } else if ("IN_PROGRESS".equals(hookStatus) && clock.now().isBefore(expiresAt)) {
            long delay = reply.path("callBackDelay").asLong(DEFAULT_CALL_BACK_DELAY.toSeconds());
            int now = course;
            clock.schedule(Duration.ofSeconds(Math.max(1, delay)), () -> locked(now,
                    () -> invoke(hook, stage, expiresAt, succeeded, failed)));
        } else {
            String why = "IN_PROGRESS".equals(hookStatus) ? "timed out"
                    : "FAILED".equals(hookStatus) ? "returned FAILED"
                    : answer.isEmpty() ? "failed" : "returned no valid hookStatus";
            failed.accept("the lifecycle hook " + hook.hookTargetArn() + " " + why + " at " + stage);
        }
    }

    /** Developer Guide, lifecycle payloads: the service, the target revision, both traffic splits, and hookDetails. */
    private String payload(DeploymentLifecycleHook hook) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("serviceArn", serviceArn);
        payload.put("targetServiceRevisionArn", targetRevision);
        ObjectNode test = payload.putObject("testTrafficWeights");
        ObjectNode production = payload.putObject("productionTrafficWeights");
        if (balancer != null) {
            test.put(sourceRevision, 100 - testWeight);
            test.put(targetRevision, testWeight);
            production.put(sourceRevision, 100 - productionWeight);
            production.put(targetRevision, productionWeight);
        }
        if (hook.hookDetails() != null) {
            payload.set("hookDetails", json(hook.hookDetails()));
        }
        return payload.toString();
    }

    /** The hook's configured hookDetails, as ECS passes them on each invocation. */
    private static JsonNode json(Document document) {
        if (document.isMap()) {
            ObjectNode node = JSON.createObjectNode();
            document.asMap().forEach((key, value) -> node.set(key, json(value)));
            return node;
        }
        if (document.isList()) {
            var node = JSON.createArrayNode();
            document.asList().forEach(value -> node.add(json(value)));
            return node;
        }
        if (document.isString()) {
            return JSON.getNodeFactory().textNode(document.asString());
        }
        if (document.isNumber()) {
            return JSON.getNodeFactory().numberNode(document.asNumber().bigDecimalValue());
        }
        if (document.isBoolean()) {
            return JSON.getNodeFactory().booleanNode(document.asBoolean());
        }
        return JSON.getNodeFactory().nullNode();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private void locked(int expectedCourse, Runnable change) {
        synchronized (state) {
            if (course == expectedCourse && !ended()) {
                change.run();
            }
        }
    }

    ServiceDeployment view() {
        ServiceDeployment.Builder view = ServiceDeployment.builder().serviceDeploymentArn(arn).serviceArn(serviceArn)
                .clusterArn(EcsArns.cluster(cluster)).createdAt(createdAt).startedAt(startedAt)
                .finishedAt(finishedAt).stoppedAt(stoppedAt).updatedAt(updatedAt)
                .sourceServiceRevisions(ServiceRevisionSummary.builder().arn(sourceRevision)
                        .requestedProductionTrafficWeight((double) (100 - productionWeight))
                        .requestedTestTrafficWeight((double) (100 - testWeight)).build())
                .targetServiceRevision(ServiceRevisionSummary.builder().arn(targetRevision)
                        .requestedProductionTrafficWeight((double) productionWeight)
                        .requestedTestTrafficWeight((double) testWeight).build())
                .status(status).statusReason(statusReason).lifecycleStage(stage)
                .deploymentConfiguration(configuration).rollback(rollback);
        var alarms = configuration.alarms();
        if (alarms != null && Boolean.TRUE.equals(alarms.enable())) {
            view.alarms(ServiceDeploymentAlarms.builder().alarmNames(alarms.alarmNames())
                    .triggeredAlarmNames(triggeredAlarms)
                    .status(!triggeredAlarms.isEmpty() ? ServiceDeploymentRollbackMonitorsStatus.TRIGGERED
                            : ended() ? ServiceDeploymentRollbackMonitorsStatus.MONITORING_COMPLETE
                                    : ServiceDeploymentRollbackMonitorsStatus.MONITORING).build());
        }
        return view.build();
    }

    ServiceDeploymentBrief brief() {
        return ServiceDeploymentBrief.builder().serviceDeploymentArn(arn).serviceArn(serviceArn)
                .clusterArn(EcsArns.cluster(cluster)).createdAt(createdAt).startedAt(startedAt)
                .finishedAt(finishedAt).targetServiceRevisionArn(targetRevision).status(status)
                .statusReason(statusReason).build();
    }
}
