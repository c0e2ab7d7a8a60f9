package dev.greenlight.workers.deploy;

import dev.greenlight.local.clock.JavaClock;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.fleet.TrafficGenerator;
import dev.greenlight.local.fleet.TrafficPlan;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.Approval;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.config.ServiceConfig.CodeDeployTarget;
import dev.greenlight.workers.config.ServiceConfig.ScanThresholds;
import dev.greenlight.workers.core.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * The {@code orders} demo service on a twin in virtual time, with users sending traffic, a smoke-test
 * hook that passes, and the configuration Greenlight would carry for it: the stage the deployment
 * workers' tests play on.
 */
public final class Canaries implements AutoCloseable {

    public static final String SMOKE_HOOK = "orders-smoke";

    public final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    public final JavaClock workerClock = new JavaClock(clock);
    public final LocalTwin twin = LocalTwin.virtualTime(clock);
    public final DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"));
    public final ServiceConfig config = new ServiceConfig("orders", orders.cluster(), "orders", DemoService.CONTAINER,
            DemoService.CONTAINER_PORT, new CodeDeployTarget("orders", orders.deploymentGroup()), orders.alarms(),
            new Canary(10, 5), 10, new Approval(ApprovalMode.auto, 60), new ScanThresholds(0, null, null),
            List.of(), null, null);
    public final AtomicInteger hookCalls = new AtomicInteger();
    private TrafficGenerator users;

    public Canaries() {
        twin.lambda().register(SMOKE_HOOK, event -> {
            hookCalls.incrementAndGet();
            twin.codeDeploy().putLifecycleEventHookExecutionStatus(r -> r
                    .deploymentId(event.get("DeploymentId").asText())
                    .lifecycleEventHookExecutionId(event.get("LifecycleEventHookExecutionId").asText())
                    .status(LifecycleEventStatus.SUCCEEDED));
            return Worker.JSON.createObjectNode();
        });
        clock.advance(Duration.ofMinutes(2));
    }

    /** Users on the production listener for the next {@code duration}. */
    public Canaries withUsers(Duration duration) {
        int port = twin.elb().listenerPort(orders.productionListenerArn());
        users = twin.fleet().sendTraffic(port, new TrafficPlan(10, duration, 1_000_000));
        return this;
    }

    /** Pushes {@code tag} with the sample app's {@code profile} and registers a task definition running it. */
    public String release(String tag, String profile) {
        return DemoService.registerTaskDefinition(twin, "orders", DemoService.push(twin, "orders", tag, profile));
    }

    /** The task definition production runs now. */
    public String runningTaskDefinition() {
        return twin.ecs().describeServices(r -> r.cluster(orders.cluster()).services("orders")).services().get(0)
                .taskDefinition();
    }

    public StartDeployment startDeployment() {
        return new StartDeployment(twin.codeDeploy(), SMOKE_HOOK, workerClock);
    }

    /** StartDeployment of a new release; returns the deployment id. */
    public String deploy(String tag, String profile) {
        return startDeployment().apply(new StartDeployment.Input(release(tag, profile), config)).deploymentId();
    }

    public DeploymentInfo deployment(String id) {
        return twin.codeDeploy().getDeployment(r -> r.deploymentId(id)).deploymentInfo();
    }

    /** Advances the clock in 10-second steps until the deployment matches, for at most {@code limit}. */
    public DeploymentInfo advanceUntil(String id, Predicate<DeploymentInfo> done, Duration limit) {
        Instant until = clock.now().plus(limit);
        while (clock.now().isBefore(until)) {
            DeploymentInfo info = deployment(id);
            if (done.test(info)) {
                return info;
            }
            clock.advance(Duration.ofSeconds(10));
        }
        throw new AssertionError("deployment " + id + " did not get there within " + limit + ": " + deployment(id));
    }

    public static boolean completed(DeploymentInfo info) {
        return info.status() == DeploymentStatus.SUCCEEDED || info.status() == DeploymentStatus.FAILED
                || info.status() == DeploymentStatus.STOPPED;
    }

    public static boolean inTerminationWait(DeploymentInfo info) {
        return info.status() == DeploymentStatus.IN_PROGRESS
                && Boolean.TRUE.equals(info.instanceTerminationWaitTimeStarted());
    }

    /** The production listener's weights by target group name. */
    public Map<String, Integer> productionWeights() {
        return twin.elb().describeListeners(r -> r.listenerArns(orders.productionListenerArn())).listeners().get(0)
                .defaultActions().get(0).forwardConfig().targetGroups().stream()
                .collect(Collectors.toMap(this::targetGroupName, TargetGroupTuple::weight));
    }

    private String targetGroupName(TargetGroupTuple group) {
        return twin.elb().describeTargetGroups(r -> r.targetGroupArns(group.targetGroupArn())).targetGroups().get(0)
                .targetGroupName();
    }

    public TrafficGenerator users() {
        return users;
    }

    @Override
    public void close() {
        twin.close();
    }
}
