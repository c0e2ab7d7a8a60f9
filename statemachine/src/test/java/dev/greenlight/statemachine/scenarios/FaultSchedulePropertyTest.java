package dev.greenlight.statemachine.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.workers.config.ServiceConfig.Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Random fault schedules against the real pipeline on the twin, on each backend: whichever AWS
 * operations throttle and how often, a good or a bad image, users or none, an alarm set at any moment or none — every
 * execution ends with a named outcome, a release goes out only on positive evidence (never with no
 * users), production stays whole on a verified image, and no deployment is left running.
 */
class FaultSchedulePropertyTest {

    /** The operations the workers call on either backend, as {@link FaultInjection} names them. */
    private static final List<String> COMMON_OPERATIONS = List.of(
            "EcrClient.describeRepositories", "EcrClient.describeImages", "EcrClient.describeImageScanFindings",
            "EcrClient.batchGetImage", "EcsClient.describeServices", "EcsClient.describeTaskDefinition",
            "EcsClient.registerTaskDefinition", "CloudWatchClient.describeAlarms",
            "CloudWatchClient.describeAlarmHistory", "CloudWatchClient.getMetricData",
            "ElasticLoadBalancingV2Client.describeListeners", "ElasticLoadBalancingV2Client.describeTargetGroups",
            "SnsClient.publish", "EventBridgeClient.putEvents");

    /** What the workers call to deploy with CodeDeploy. */
    private static final List<String> CODE_DEPLOY_OPERATIONS = List.of("CodeDeployClient.listDeployments",
            "CodeDeployClient.getDeployment", "CodeDeployClient.createDeploymentConfig",
            "CodeDeployClient.createDeployment", "CodeDeployClient.putLifecycleEventHookExecutionStatus",
            "CodeDeployClient.continueDeployment", "CodeDeployClient.stopDeployment",
            "CodeDeployClient.getDeploymentGroup", "CodeDeployClient.listDeploymentTargets",
            "CodeDeployClient.getDeploymentTarget");

    /** What the workers (and the lifecycle hook) call to deploy with ECS blue/green. */
    private static final List<String> ECS_OPERATIONS = List.of("EcsClient.updateService",
            "EcsClient.listServiceDeployments", "EcsClient.describeServiceDeployments",
            "EcsClient.describeServiceRevisions", "EcsClient.stopServiceDeployment", "EcsClient.tagResource",
            "EcsClient.listTagsForResource", "ElasticLoadBalancingV2Client.describeRules");

    /**
     * @param throttles       how many first calls of each operation are throttled
     * @param goodImage       whether the pushed image is healthy (else half its requests fail)
     * @param users           whether users send traffic (without, nothing gives evidence)
     * @param alarmAfterSeconds when, after the push, the new target group's alarm is set to ALARM; null for never
     */
    record FaultSchedule(Map<String, Integer> throttles, boolean goodImage, boolean users, Integer alarmAfterSeconds) {
    }

    @Property(tries = 120)
    void onCodeDeploy_anyFaultSchedule_endsNamed_withProductionWholeOnAVerifiedImage(
            @ForAll("codeDeploySchedules") FaultSchedule schedule) {
        check(schedule, Backend.codedeploy);
    }

    /** The same invariants with ECS deploying; fewer tries, the suite's time being shared. */
    @Property(tries = 40)
    void onEcs_anyFaultSchedule_endsNamed_withProductionWholeOnAVerifiedImage(
            @ForAll("ecsSchedules") FaultSchedule schedule) {
        check(schedule, Backend.ecs);
    }

    private static void check(FaultSchedule schedule, Backend backend) {
        try (Scenario scenario = Scenario.withClients(
                FaultInjection.throttling(operation -> schedule.throttles().getOrDefault(operation, 0)),
                schedule.users(), backend)) {
            Instant pushed = scenario.clock.now();
            scenario.push("2.0", schedule.goodImage() ? "healthy" : "errors:0.5");
            scenario.runUntil(() -> !scenario.executions().isEmpty(), Duration.ofMinutes(1));
            if (schedule.alarmAfterSeconds() != null) {
                Instant alarmAt = pushed.plusSeconds(schedule.alarmAfterSeconds());
                scenario.runUntil(() -> !scenario.clock.now().isBefore(alarmAt), Duration.ofHours(1));
                scenario.twin.cloudWatch().setAlarmState(r -> r.alarmName("orders-green-5xx")
                        .stateValue(StateValue.ALARM).stateReason("set by the fault schedule"));
            }
            scenario.runAllToEnd();

            assertThat(scenario.executions()).as("executions the push started").hasSize(1);
            Invariants.checkEnded(scenario);
            // The spread of outcomes shows the schedules reach every ending, not only the happy one.
            scenario.executions().forEach(execution -> Statistics.collect(
                    Objects.requireNonNullElse(scenario.describe(execution.executionArn()).error(), "released")));
            if (!schedule.goodImage()) {
                assertThat(scenario.productionTags()).as("a bad image is never left serving").containsExactly("1.0");
            }
            if (!schedule.users()) {
                assertThat(scenario.productionTags()).as("nothing is released without evidence").containsExactly("1.0");
            }
        }
    }

    @Provide
    Arbitrary<FaultSchedule> codeDeploySchedules() {
        return schedules(CODE_DEPLOY_OPERATIONS);
    }

    @Provide
    Arbitrary<FaultSchedule> ecsSchedules() {
        return schedules(ECS_OPERATIONS);
    }

    private static Arbitrary<FaultSchedule> schedules(List<String> backendOperations) {
        List<String> operations = new ArrayList<>(COMMON_OPERATIONS);
        operations.addAll(backendOperations);
        Arbitrary<Integer> times = Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(3, 1), Tuple.of(1, 2));
        Arbitrary<Map<String, Integer>> throttles = times.list().ofSize(operations.size()).map(counts -> {
            Map<String, Integer> byOperation = new LinkedHashMap<>();
            for (int i = 0; i < operations.size(); i++) {
                byOperation.put(operations.get(i), counts.get(i));
            }
            return byOperation;
        });
        return Combinators.combine(throttles, Arbitraries.of(true, false),
                        Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false)),
                        Arbitraries.integers().between(0, 1200).injectNull(0.5))
                .as(FaultSchedule::new);
    }
}
