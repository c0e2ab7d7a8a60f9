package dev.greenlight.local.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentLifecycleStage;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;

/**
 * ECS-native blue/green on the assembled twin, in virtual time, as the Developer Guide describes it:
 * lifecycle stages in order, Lambda hooks with their payload and IN_PROGRESS re-invocation, listener
 * rule weights per strategy, bake time, rollback on a failed hook, an alarm or StopServiceDeployment,
 * and the documented configuration errors.
 */
class EcsBlueGreenOnTheTwinTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::" + LocalAccount.ID + ":role/ecs-lambda-invoke";

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"), true);
    /** What the hook function was given, and when. */
    private final List<JsonNode> calls = new ArrayList<>();
    private final List<Instant> callTimes = new ArrayList<>();
    private final Deque<String> answers = new ConcurrentLinkedDeque<>();
    private final String hook = twin.lambda().register("bg-hook", event -> {
        calls.add(event);
        callTimes.add(clock.now());
        String answer = answers.isEmpty() ? "{\"hookStatus\":\"SUCCEEDED\"}" : answers.poll();
        if (answer.equals("throw")) {
            throw new IllegalStateException("the hook crashed");
        }
        return JSON.readTree(answer);
    });

    /** The hooks' role, as AWS documents it: trusted by ECS, allowed to invoke the hook function. */
    @BeforeEach
    void hookRole() {
        twin.iam().createRole(r -> r.roleName("ecs-lambda-invoke").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                 "Principal":{"Service":"ecs.amazonaws.com"}}]}"""));
        twin.iam().putRolePolicy(r -> r.roleName("ecs-lambda-invoke").policyName("invoke").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction",
                 "Resource":"%s"}]}""".formatted(hook)));
    }

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void blueGreen_walksTheStagesInOrder_shiftsAllTraffic_andRemovesBlueAfterTheBake() {
        clock.advance(Duration.ofMinutes(2));
        String arn = deploy("2.0", c -> c.bakeTimeInMinutes(5)
                .lifecycleHooks(h -> h.hookTargetArn(hook).roleArn(ROLE).lifecycleStages(
                        DeploymentLifecycleHookStage.PRE_SCALE_UP, DeploymentLifecycleHookStage.POST_SCALE_UP,
                        DeploymentLifecycleHookStage.TEST_TRAFFIC_SHIFT,
                        DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT,
                        DeploymentLifecycleHookStage.PRODUCTION_TRAFFIC_SHIFT,
                        DeploymentLifecycleHookStage.POST_PRODUCTION_TRAFFIC_SHIFT)));
        List<ServiceDeploymentLifecycleStage> seen = new ArrayList<>();
        ServiceDeployment now = deployment(arn);
        for (int i = 0; i < 200 && now.status() != ServiceDeploymentStatus.SUCCESSFUL; i++) {
            if (now.lifecycleStage() != null && (seen.isEmpty() || seen.get(seen.size() - 1) != now.lifecycleStage())) {
                seen.add(now.lifecycleStage());
            }
            clock.advance(Duration.ofSeconds(5));
            now = deployment(arn);
        }

        assertThat(now.status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
        assertThat(seen).containsSubsequence(ServiceDeploymentLifecycleStage.SCALE_UP,
                ServiceDeploymentLifecycleStage.BAKE_TIME)
                .as("one ACTIVE revision: nothing to reconcile").doesNotContain(
                        ServiceDeploymentLifecycleStage.RECONCILE_SERVICE);
        assertThat(calls).hasSize(6);
        assertThat(calls.get(0).path("serviceArn").asText()).endsWith(":service/greenlight/orders");
        assertThat(calls.get(3).path("testTrafficWeights").path(now.targetServiceRevision().arn()).asInt())
                .as("green serves all test traffic after the test shift").isEqualTo(100);
        assertThat(calls.get(3).path("productionTrafficWeights").path(now.targetServiceRevision().arn()).asInt())
                .isZero();
        assertThat(calls.get(5).path("productionTrafficWeights").path(now.targetServiceRevision().arn()).asInt())
                .isEqualTo(100);
        assertThat(productionWeights()).containsEntry("orders-green", 100).containsEntry("orders-blue", 0);
        String target = now.targetServiceRevision().arn();
        assertThat(twin.ecs().describeServiceRevisions(r -> r.serviceRevisionArns(target))
                .serviceRevisions().get(0).taskDefinition()).endsWith("orders:2");
        clock.advance(Duration.ofMinutes(2));
        assertThat(runningTaskDefinitions()).containsOnly("orders:2");
    }

    static Stream<Arguments> strategies() {
        return Stream.of(
                Arguments.of("BLUE_GREEN: all at once", (UnaryOperator<DeploymentConfiguration.Builder>) c -> c,
                        List.of(100)),
                Arguments.of("CANARY 10% for 5 minutes", (UnaryOperator<DeploymentConfiguration.Builder>) c -> c
                        .strategy(DeploymentStrategy.CANARY)
                        .canaryConfiguration(k -> k.canaryPercent(10.0).canaryBakeTimeInMinutes(5)), List.of(10, 100)),
                Arguments.of("LINEAR 30% every 2 minutes", (UnaryOperator<DeploymentConfiguration.Builder>) c -> c
                        .strategy(DeploymentStrategy.LINEAR)
                        .linearConfiguration(l -> l.stepPercent(30.0).stepBakeTimeInMinutes(2)),
                        List.of(30, 60, 90, 100)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void productionTraffic_movesInTheStrategysSteps(String name, UnaryOperator<DeploymentConfiguration.Builder> strategy,
            List<Integer> steps) {
        clock.advance(Duration.ofMinutes(2));
        String arn = deploy("2.0", c -> strategy.apply(c.bakeTimeInMinutes(0)));
        List<Integer> greenShares = new ArrayList<>();
        for (int i = 0; i < 400 && deployment(arn).status() != ServiceDeploymentStatus.SUCCESSFUL; i++) {
            int green = productionWeights().getOrDefault("orders-green", 0);
            if (green > 0 && (greenShares.isEmpty() || greenShares.get(greenShares.size() - 1) != green)) {
                greenShares.add(green);
            }
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(deployment(arn).status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
        if (greenShares.isEmpty() || greenShares.get(greenShares.size() - 1) != 100) {
            greenShares.add(productionWeights().get("orders-green"));
        }
        assertThat(greenShares).isEqualTo(steps);
    }

    static Stream<Arguments> hookAnswers() {
        return Stream.of(
                Arguments.of("SUCCEEDED", List.of("{\"hookStatus\":\"SUCCEEDED\"}"), ServiceDeploymentStatus.SUCCESSFUL,
                        null),
                Arguments.of("IN_PROGRESS twice, then SUCCEEDED", List.of("{\"hookStatus\":\"IN_PROGRESS\"}",
                        "{\"hookStatus\":\"IN_PROGRESS\",\"callBackDelay\":60}", "{\"hookStatus\":\"SUCCEEDED\"}"),
                        ServiceDeploymentStatus.SUCCESSFUL, null),
                Arguments.of("FAILED", List.of("{\"hookStatus\":\"FAILED\"}"),
                        ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL, "returned FAILED at POST_TEST_TRAFFIC_SHIFT"),
                Arguments.of("no hookStatus", List.of("{\"status\":\"ok\"}"),
                        ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL, "returned no valid hookStatus"),
                Arguments.of("the function fails", List.of("throw"), ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL,
                        "failed at POST_TEST_TRAFFIC_SHIFT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hookAnswers")
    void hookAnswer_decidesTheDeployment(String name, List<String> given, ServiceDeploymentStatus expected,
            String reason) {
        answers.addAll(given);
        clock.advance(Duration.ofMinutes(2));
        String arn = deploy("2.0", c -> c.bakeTimeInMinutes(0).lifecycleHooks(h -> h.hookTargetArn(hook).roleArn(ROLE)
                .lifecycleStages(DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)
                .hookDetails(Document.mapBuilder().putString("greenlight", "smoke").build())));

        ServiceDeployment done = runUntilEnded(arn);

        assertThat(done.status()).isEqualTo(expected);
        assertThat(calls).hasSize(given.size());
        assertThat(calls.get(0).path("hookDetails").path("greenlight").asText()).isEqualTo("smoke");
        if (given.size() == 3) {
            assertThat(Duration.between(callTimes.get(0), callTimes.get(1))).isEqualTo(Duration.ofSeconds(30));
            assertThat(Duration.between(callTimes.get(1), callTimes.get(2))).isEqualTo(Duration.ofSeconds(60));
        }
        if (reason != null) {
            assertThat(done.statusReason()).contains(reason);
            assertThat(done.rollback().serviceRevisionArn()).isEqualTo(done.sourceServiceRevisions().get(0).arn());
            assertThat(productionWeights()).containsEntry("orders-blue", 100);
            clock.advance(Duration.ofMinutes(2));
            assertThat(runningTaskDefinitions()).containsOnly("orders:1");
        }
    }

    static Stream<Arguments> hookRoles() {
        String ecsTrust = "ecs.amazonaws.com";
        String invoke = "lambda:InvokeFunction";
        return Stream.of(
                Arguments.of("trusted, may invoke", ecsTrust, invoke, ServiceDeploymentStatus.SUCCESSFUL, null),
                Arguments.of("trusts Lambda, not ECS", "lambda.amazonaws.com", invoke,
                        ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL, "does not trust ecs.amazonaws.com"),
                Arguments.of("trusted, may only get the function", ecsTrust, "lambda:GetFunction",
                        ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL, "not authorized to perform: lambda:InvokeFunction"));
    }

    /** With IAM enforced, ECS invokes the hook as the hook's role: trust and lambda:InvokeFunction decide. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hookRoles")
    void hookRole_decidesWhetherEcsMayInvokeTheHook(String name, String trustedService, String allowed,
            ServiceDeploymentStatus expected, String reason) {
        String role = twin.iam().createRole(r -> r.roleName("ecs-hook-role").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                 "Principal":{"Service":"%s"}}]}""".formatted(trustedService))).role().arn();
        twin.iam().putRolePolicy(r -> r.roleName("ecs-hook-role").policyName("invoke").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"%s","Resource":"%s"}]}"""
                .formatted(allowed, hook)));
        clock.advance(Duration.ofMinutes(2));
        String arn = deploy("2.0", c -> c.bakeTimeInMinutes(0).lifecycleHooks(h -> h.hookTargetArn(hook).roleArn(role)
                .lifecycleStages(DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)));

        ServiceDeployment done = runUntilEnded(arn);

        assertThat(done.status()).isEqualTo(expected);
        if (reason == null) {
            assertThat(calls).hasSize(1);
            assertThat(productionWeights()).containsEntry("orders-green", 100);
        } else {
            assertThat(calls).isEmpty();
            assertThat(done.statusReason()).contains("could not be invoked as role " + role).contains(reason);
            assertThat(productionWeights()).containsEntry("orders-blue", 100);
        }
    }

    @Test
    void stopServiceDeployment_withRollback_whileAHookHolds_putsBlueBack_andAnEndedOneCannotBeStopped() {
        answers.addAll(List.of("{\"hookStatus\":\"IN_PROGRESS\"}", "{\"hookStatus\":\"IN_PROGRESS\"}",
                "{\"hookStatus\":\"IN_PROGRESS\"}", "{\"hookStatus\":\"IN_PROGRESS\"}"));
        clock.advance(Duration.ofMinutes(2));
        String arn = deploy("2.0", c -> c.bakeTimeInMinutes(0).lifecycleHooks(h -> h.hookTargetArn(hook).roleArn(ROLE)
                .lifecycleStages(DeploymentLifecycleHookStage.POST_PRODUCTION_TRAFFIC_SHIFT)));
        for (int i = 0; i < 100 && calls.isEmpty(); i++) {
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(deployment(arn).lifecycleStage()).isEqualTo(ServiceDeploymentLifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT);
        assertThat(productionWeights()).containsEntry("orders-green", 100);

        twin.ecs().stopServiceDeployment(r -> r.serviceDeploymentArn(arn).stopType(StopServiceDeploymentStopType.ROLLBACK));
        ServiceDeployment done = runUntilEnded(arn);

        assertThat(done.status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(productionWeights()).containsEntry("orders-blue", 100);
        assertThat(twin.ecs().listServiceDeployments(r -> r.cluster("greenlight").service("orders"))
                .serviceDeployments()).extracting(b -> b.statusAsString()).containsExactly("ROLLBACK_SUCCESSFUL");
        assertThatThrownBy(() -> twin.ecs().stopServiceDeployment(r -> r.serviceDeploymentArn(arn)))
                .isInstanceOf(EcsException.class).hasMessageContaining("cannot be stopped");
    }

    /**
     * Developer Guide, "Lifecycle hooks": on a rollback ECS runs the hooks of PRODUCTION_TRAFFIC_SHIFT and
     * TEST_TRAFFIC_SHIFT; the twin moves each kind of traffic back to blue before that stage's hooks.
     * What ECS does when such a hook fails during a rollback is not published (the twin: ROLLBACK_FAILED).
     */
    static Stream<Arguments> rollbackHookAnswers() {
        return Stream.of(
                Arguments.of("SUCCEEDED", List.of("{\"hookStatus\":\"SUCCEEDED\"}"),
                        ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL, List.of("test", "smoke", "production", "test")),
                Arguments.of("IN_PROGRESS, then SUCCEEDED", List.of("{\"hookStatus\":\"IN_PROGRESS\"}",
                        "{\"hookStatus\":\"SUCCEEDED\"}"), ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL,
                        List.of("test", "smoke", "production", "production", "test")),
                Arguments.of("FAILED", List.of("{\"hookStatus\":\"FAILED\"}"), ServiceDeploymentStatus.ROLLBACK_FAILED,
                        List.of("test", "smoke", "production")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rollbackHookAnswers")
    void aRollback_runsTheTrafficShiftStagesHooks_withTrafficBackOnBlue(String name, List<String> productionAnswers,
            ServiceDeploymentStatus expected, List<String> jobs) {
        answers.add("{\"hookStatus\":\"SUCCEEDED\"}");
        answers.add("{\"hookStatus\":\"FAILED\"}");
        answers.addAll(productionAnswers);
        clock.advance(Duration.ofMinutes(2));
        String arn = deploy("2.0", c -> c.bakeTimeInMinutes(0).lifecycleHooks(
                job("test", DeploymentLifecycleHookStage.TEST_TRAFFIC_SHIFT),
                job("smoke", DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT),
                job("production", DeploymentLifecycleHookStage.PRODUCTION_TRAFFIC_SHIFT)));

        ServiceDeployment done = runUntilEnded(arn);

        assertThat(done.status()).isEqualTo(expected);
        assertThat(calls).extracting(call -> call.path("hookDetails").path("greenlight").asText())
                .containsExactlyElementsOf(jobs);
        String green = done.targetServiceRevision().arn();
        JsonNode production = calls.get(2);
        assertThat(production.path("productionTrafficWeights").path(green).asInt()).as("production back on blue")
                .isZero();
        assertThat(production.path("testTrafficWeights").path(green).asInt()).as("test traffic not yet")
                .isEqualTo(100);
        if (expected == ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL) {
            assertThat(calls.get(calls.size() - 1).path("testTrafficWeights").path(green).asInt()).isZero();
            assertThat(done.statusReason()).contains("returned FAILED at POST_TEST_TRAFFIC_SHIFT");
        } else {
            assertThat(done.statusReason()).contains("The rollback failed because the lifecycle hook",
                    "returned FAILED at PRODUCTION_TRAFFIC_SHIFT");
        }
        assertThat(productionWeights()).containsEntry("orders-blue", 100);
    }

    @Test
    void aRollbackHeldByAHook_isRollbackInProgress_untilTheHookSucceeds() {
        answers.addAll(List.of("{\"hookStatus\":\"FAILED\"}", "{\"hookStatus\":\"IN_PROGRESS\",\"callBackDelay\":120}"));
        clock.advance(Duration.ofMinutes(2));
        String arn = deploy("2.0", c -> c.bakeTimeInMinutes(0).lifecycleHooks(
                job("smoke", DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT),
                job("production", DeploymentLifecycleHookStage.PRODUCTION_TRAFFIC_SHIFT)));
        for (int i = 0; i < 100 && calls.size() < 2; i++) {
            clock.advance(Duration.ofSeconds(10));
        }
        clock.advance(Duration.ofSeconds(60));

        assertThat(deployment(arn).status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS);
        assertThat(deployment(arn).finishedAt()).isNull();
        assertThat(productionWeights()).containsEntry("orders-blue", 100);
        ServiceDeployment done = runUntilEnded(arn);
        assertThat(done.status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(Duration.between(callTimes.get(1), callTimes.get(2))).isEqualTo(Duration.ofSeconds(120));
    }

    /** API reference, DeploymentLifecycleHookTimeoutConfiguration: 1440 minutes, then ROLLBACK, by default. */
    @Test
    void aHookStillInProgressAfter1440Minutes_timesOut_andTheDeploymentRollsBack() {
        twin.lambda().register("bg-hook", event -> {
            callTimes.add(clock.now());
            return JSON.readTree("{\"hookStatus\":\"IN_PROGRESS\",\"callBackDelay\":3600}");
        });
        clock.advance(Duration.ofMinutes(2));
        String arn = deploy("2.0", c -> c.bakeTimeInMinutes(0).lifecycleHooks(
                job("smoke", DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)));
        for (int i = 0; i < 30 && deployment(arn).finishedAt() == null; i++) {
            clock.advance(Duration.ofMinutes(60));
        }

        ServiceDeployment done = deployment(arn);
        assertThat(done.status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(done.statusReason()).contains("timed out at POST_TEST_TRAFFIC_SHIFT");
        assertThat(Duration.between(callTimes.get(0), done.finishedAt())).isEqualTo(Duration.ofMinutes(1440));
    }

    /**
     * API reference, StopServiceDeployment: stopType's model lists ABORT and ROLLBACK, but "the valid
     * values are ROLLBACK" and only ROLLBACK is described; the wording of AWS's refusal is not published.
     */
    @Test
    void stopServiceDeployment_withAbort_isRefused_andTheDeploymentGoesOn() {
        answers.add("{\"hookStatus\":\"IN_PROGRESS\"}");
        clock.advance(Duration.ofMinutes(2));
        String arn = deploy("2.0", c -> c.bakeTimeInMinutes(0).lifecycleHooks(
                job("smoke", DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)));

        assertThatThrownBy(() -> twin.ecs().stopServiceDeployment(r -> r.serviceDeploymentArn(arn)
                .stopType(StopServiceDeploymentStopType.ABORT)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("ROLLBACK");
        assertThat(runUntilEnded(arn).status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
    }

    /**
     * How ECS treats an UpdateService that needs a deployment while a blue/green one runs is not
     * published; the twin refuses it, naming the deployment and what to do.
     */
    @Test
    void updateServiceWhileABlueGreenDeploymentRuns_isRefused_namingTheDeployment() {
        answers.add("{\"hookStatus\":\"IN_PROGRESS\"}");
        clock.advance(Duration.ofMinutes(2));
        String arn = deploy("2.0", c -> c.bakeTimeInMinutes(0).lifecycleHooks(
                job("smoke", DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)));

        assertThatThrownBy(() -> deploy("3.0", c -> c)).isInstanceOf(EcsException.class)
                .hasMessageContaining(arn).hasMessageContaining("stop it or wait until it ends");
        assertThat(runUntilEnded(arn).status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
    }

    /**
     * ServiceDeployment.stoppedAt: the deployment stops when "the rollback option is not in use for the
     * failure detection mechanism (the circuit breaker or alarm-based) and the service fails".
     */
    static Stream<Arguments> failuresWithoutRollback() {
        return Stream.of(
                Arguments.of("an alarm", "healthy", (UnaryOperator<DeploymentConfiguration.Builder>) c -> c
                        .alarms(a -> a.alarmNames("orders-green-5xx").enable(true).rollback(false)), "orders-green-5xx"),
                Arguments.of("the circuit breaker", "crash", (UnaryOperator<DeploymentConfiguration.Builder>) c -> c
                        .deploymentCircuitBreaker(b -> b.enable(true).rollback(false)), "circuit breaker"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresWithoutRollback")
    void aFailureDetectedWithoutRollback_stopsTheDeployment_withBlueLeftRunning(String name, String profile,
            UnaryOperator<DeploymentConfiguration.Builder> detection, String reason) {
        clock.advance(Duration.ofMinutes(2));
        String arn = deploy("2.0", profile, c -> detection.apply(c.bakeTimeInMinutes(30)));
        clock.advance(Duration.ofMinutes(1));
        twin.cloudWatch().setAlarmState(r -> r.alarmName("orders-green-5xx").stateValue(StateValue.ALARM)
                .stateReason("test"));

        ServiceDeployment done = runUntilEnded(arn);

        assertThat(done.status()).isEqualTo(ServiceDeploymentStatus.STOPPED);
        assertThat(done.statusReason()).contains("stopped because", reason);
        assertThat(done.stoppedAt()).isNotNull();
        assertThat(done.rollback()).isNull();
        assertThat(runningTaskDefinitions()).as("blue is not scaled in").contains("orders:1");
    }

    /**
     * RECONCILE_SERVICE "only happens when you start a new service deployment with more than 1 service
     * revision in an ACTIVE state": the one after a STOPPED deployment; a first one starts at PRE_SCALE_UP.
     */
    @Test
    void theDeploymentAfterAStoppedOne_reconcilesTheTwoRevisionsFirst_thenDeploysFromBlue() {
        clock.advance(Duration.ofMinutes(2));
        String first = deploy("2.0", c -> c.bakeTimeInMinutes(30)
                .alarms(a -> a.alarmNames("orders-green-5xx").enable(true).rollback(false)));
        for (int i = 0; i < 100 && deployment(first).lifecycleStage() != ServiceDeploymentLifecycleStage.BAKE_TIME; i++) {
            clock.advance(Duration.ofSeconds(10));
        }
        twin.cloudWatch().setAlarmState(r -> r.alarmName("orders-green-5xx").stateValue(StateValue.ALARM)
                .stateReason("test"));
        assertThat(runUntilEnded(first).status()).isEqualTo(ServiceDeploymentStatus.STOPPED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(runningTaskDefinitions()).containsExactlyInAnyOrder("orders:1", "orders:2");
        assertThat(productionWeights()).as("the stop leaves traffic where it was").containsEntry("orders-green", 100);
        twin.cloudWatch().setAlarmState(r -> r.alarmName("orders-green-5xx").stateValue(StateValue.OK)
                .stateReason("test"));

        // Each hook holds its stage for one call-back, so the stages can be seen.
        answers.addAll(List.of("{\"hookStatus\":\"IN_PROGRESS\"}", "{\"hookStatus\":\"SUCCEEDED\"}",
                "{\"hookStatus\":\"IN_PROGRESS\"}", "{\"hookStatus\":\"SUCCEEDED\"}"));
        String second = deploy("3.0", c -> c.bakeTimeInMinutes(0).lifecycleHooks(
                job("reconcile", DeploymentLifecycleHookStage.RECONCILE_SERVICE),
                job("pre-scale-up", DeploymentLifecycleHookStage.PRE_SCALE_UP)));
        List<ServiceDeploymentLifecycleStage> seen = new ArrayList<>();
        for (int i = 0; i < 200 && deployment(second).finishedAt() == null; i++) {
            ServiceDeploymentLifecycleStage stage = deployment(second).lifecycleStage();
            if (stage != null && (seen.isEmpty() || seen.get(seen.size() - 1) != stage)) {
                seen.add(stage);
            }
            clock.advance(Duration.ofSeconds(5));
        }

        ServiceDeployment done = deployment(second);
        assertThat(done.status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
        assertThat(seen).startsWith(ServiceDeploymentLifecycleStage.RECONCILE_SERVICE,
                ServiceDeploymentLifecycleStage.PRE_SCALE_UP);
        assertThat(calls).extracting(call -> call.path("hookDetails").path("greenlight").asText())
                .containsExactly("reconcile", "reconcile", "pre-scale-up", "pre-scale-up");
        assertThat(done.sourceServiceRevisions().get(0).arn()).isEqualTo(deployment(first).sourceServiceRevisions()
                .get(0).arn());
        assertThat(productionWeights()).as("green is the target group blue (orders:1) was not on")
                .containsEntry("orders-green", 100);
        clock.advance(Duration.ofMinutes(2));
        assertThat(runningTaskDefinitions()).containsOnly("orders:3");
    }

    /** Developer Guide, service deployments: deleting a service deletes its service deployments. */
    @Test
    void deleteService_deletesItsServiceDeployments() {
        clock.advance(Duration.ofMinutes(2));
        String arn = deploy("2.0", c -> c.bakeTimeInMinutes(0));
        runUntilEnded(arn);

        twin.ecs().deleteService(r -> r.cluster("greenlight").service("orders").force(true));

        assertThat(twin.ecs().describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).failures())
                .extracting(failure -> failure.reason()).containsExactly("MISSING");
    }

    private DeploymentLifecycleHook job(String job, DeploymentLifecycleHookStage stage) {
        return DeploymentLifecycleHook.builder().hookTargetArn(hook).roleArn(ROLE).lifecycleStages(stage)
                .hookDetails(Document.mapBuilder().putString("greenlight", job).build()).build();
    }

    @Test
    void aDeploymentAlarmInAlarm_rollsBack_naming_theAlarm() {
        clock.advance(Duration.ofMinutes(2));
        String alarm = orders.alarms().get(1);
        String arn = deploy("2.0", c -> c.bakeTimeInMinutes(30)
                .alarms(a -> a.alarmNames(alarm).enable(true).rollback(true)));
        clock.advance(Duration.ofMinutes(5));
        twin.cloudWatch().setAlarmState(r -> r.alarmName(alarm).stateValue(StateValue.ALARM).stateReason("test"));

        ServiceDeployment done = runUntilEnded(arn);

        assertThat(done.status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(done.alarms().triggeredAlarmNames()).containsExactly(alarm);
        assertThat(done.statusReason()).contains(alarm);
    }

    static Stream<Arguments> configurationErrors() {
        return Stream.of(
                Arguments.of("canaryPercent below 0.1", (UnaryOperator<DeploymentConfiguration.Builder>) c -> c
                        .strategy(DeploymentStrategy.CANARY).canaryConfiguration(k -> k.canaryPercent(0.05)),
                        "canaryPercent must be a multiple of 0.1 from 0.1 to 100.0"),
                Arguments.of("stepPercent below 3", (UnaryOperator<DeploymentConfiguration.Builder>) c -> c
                        .strategy(DeploymentStrategy.LINEAR).linearConfiguration(l -> l.stepPercent(2.0)),
                        "stepPercent must be a multiple of 0.1 from 3.0 to 100.0"),
                Arguments.of("bake time over a day", (UnaryOperator<DeploymentConfiguration.Builder>) c -> c
                        .bakeTimeInMinutes(1441), "bakeTimeInMinutes must be between 0 and 1440"),
                Arguments.of("hook without role", (UnaryOperator<DeploymentConfiguration.Builder>) c -> c
                        .lifecycleHooks(h -> h.hookTargetArn("arn:aws:lambda:us-east-1:000000000000:function:x")
                                .lifecycleStages(DeploymentLifecycleHookStage.PRE_SCALE_UP)),
                        "must specify roleArn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurationErrors")
    void documentedConfigurationErrors_areRefusedBeforeAnythingChanges(String name,
            UnaryOperator<DeploymentConfiguration.Builder> bad, String message) {
        assertThatThrownBy(() -> deploy("2.0", c -> bad.apply(c)))
                .isInstanceOf(EcsException.class).hasMessageContaining(message);
        assertThat(twin.ecs().listServiceDeployments(r -> r.cluster("greenlight").service("orders"))
                .serviceDeployments()).isEmpty();
    }

    @Test
    void aProductionRuleThatDoesNotForwardToBothGroups_isRefusedWithAwssMessage() {
        String blueOnly = twin.elb().describeTargetGroups(r -> r.names("orders-blue")).targetGroups().get(0)
                .targetGroupArn();
        twin.elb().modifyRule(r -> r.ruleArn(DemoService.defaultRule(twin, orders.productionListenerArn()))
                .actions(a -> a.type("forward").targetGroupArn(blueOnly)));

        assertThatThrownBy(() -> deploy("2.0", c -> c))
                .isInstanceOf(EcsException.class).hasMessageContaining("Both targetGroup and alternateTargetGroup "
                        + "must be associated with the productionListenerRule or testListenerRule");
    }

    /** UpdateService with a new task definition of {@code tag} and the configuration given. */
    private String deploy(String tag, UnaryOperator<DeploymentConfiguration.Builder> configuration) {
        return deploy(tag, "healthy", configuration);
    }

    /** As {@link #deploy(String, UnaryOperator)}, the image running the sample app with {@code profile}. */
    private String deploy(String tag, String profile, UnaryOperator<DeploymentConfiguration.Builder> configuration) {
        String image = DemoService.push(twin, "orders", tag, profile);
        String definition = DemoService.registerTaskDefinition(twin, "orders", image);
        twin.ecs().updateService(r -> r.cluster("greenlight").service("orders").taskDefinition(definition)
                .deploymentConfiguration(configuration.apply(DeploymentConfiguration.builder()
                        .strategy(DeploymentStrategy.BLUE_GREEN)).build()));
        return twin.ecs().listServiceDeployments(r -> r.cluster("greenlight").service("orders"))
                .serviceDeployments().get(0).serviceDeploymentArn();
    }

    private ServiceDeployment deployment(String arn) {
        return twin.ecs().describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
    }

    private ServiceDeployment runUntilEnded(String arn) {
        for (int i = 0; i < 500; i++) {
            ServiceDeployment now = deployment(arn);
            if (now.finishedAt() != null) {
                return now;
            }
            clock.advance(Duration.ofSeconds(10));
        }
        throw new AssertionError("the deployment did not end: " + deployment(arn));
    }

    /** The production rule's weights by target group name. */
    private Map<String, Integer> productionWeights() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        twin.elb().describeRules(r -> r.ruleArns(DemoService.defaultRule(twin, orders.productionListenerArn())))
                .rules().get(0).actions().get(0).forwardConfig().targetGroups().forEach(tuple -> weights.put(
                        tuple.targetGroupArn().replaceAll(".*targetgroup/([^/]+)/.*", "$1"), tuple.weight()));
        return weights;
    }

    private List<String> runningTaskDefinitions() {
        List<String> arns = twin.ecs().listTasks(r -> r.cluster("greenlight").serviceName("orders")).taskArns();
        return twin.ecs().describeTasks(r -> r.cluster("greenlight").tasks(arns)).tasks().stream()
                .filter(task -> "RUNNING".equals(task.lastStatus()))
                .map(task -> task.taskDefinitionArn().replaceAll(".*task-definition/", "")).distinct().toList();
    }
}
