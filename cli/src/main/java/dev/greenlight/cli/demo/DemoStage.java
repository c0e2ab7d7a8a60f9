package dev.greenlight.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.cli.local.TwinPipeline;
import dev.greenlight.cli.rehearsal.DeployedStacks;
import dev.greenlight.cli.rehearsal.Rehearsal;
import dev.greenlight.cli.rehearsal.StackResources;
import dev.greenlight.local.fleet.TrafficGenerator;
import dev.greenlight.local.fleet.TrafficPlan;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.statemachine.twin.PipelineOnTwin;
import dev.greenlight.statemachine.twin.TwinServiceConfig;
import dev.greenlight.workers.backend.Backends;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.pipeline.TrafficSplit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The demo's world on a twin: the service {@code orders} (two tasks), its configuration with windows
 * short enough for a demo, the pipeline deployed as the CDK app deploys it, and users. Set up directly
 * through the services' APIs ({@link #setUp}), or read from the stacks the CDK CLI deployed
 * ({@link #deployed}).
 *
 * @param auto   the configuration pushes deploy with: approved automatically after the bake
 * @param manual the same, approved by a person
 */
record DemoStage(LocalTwin twin, DemoService service, ServiceConfig auto, ServiceConfig manual,
        PipelineOnTwin pipeline) {

    static final String SERVICE = "orders";
    /** As {@code local up}'s: 10 % for two minutes with synthetic load on green, then a one-minute bake. */
    static final Canary CANARY = TwinPipeline.CANARY;
    static final int BAKE_MINUTES = TwinPipeline.BAKE_MINUTES;
    static final double USERS_PER_SECOND = 20;
    private static final int TASKS = 2;
    /** Blue is kept this long after all traffic is on green; Promote ends the wait once the bake passed. */
    private static final int TERMINATION_WAIT_MINUTES = 10;

    /**
     * @param virtualTime whether the twin runs in virtual time (tests) rather than on the wall clock
     * @param backend     who deploys {@code orders}: a CodeDeploy deployment group, or ECS blue/green itself
     */
    static DemoStage setUp(LocalTwin twin, boolean virtualTime, Backend backend) {
        // The group's own config is never used: StartDeployment names the canary config it creates.
        DemoService service = DemoService.provision(twin, new DemoService.Settings(SERVICE, TASKS,
                "CodeDeployDefault.ECSAllAtOnce", TERMINATION_WAIT_MINUTES, "healthy"), backend == Backend.ecs);
        ServiceConfig auto = TwinServiceConfig.of(twin, service, ApprovalMode.auto, CANARY, BAKE_MINUTES)
                .withBackend(backend);
        ServiceConfig manual = auto.withApproval(ApprovalMode.manual);
        PipelineOnTwin pipeline = PipelineOnTwin.deploy(twin, new GreenlightConfig(Map.of(SERVICE, auto)),
                virtualTime);
        return new DemoStage(twin, service, auto, manual, pipeline);
    }

    /**
     * The demo's windows for the service the CDK app deploys, written into its entry of greenlight.json
     * before the Greenlight stack is synthesized: a 10 % canary for three minutes (the shortest Preflight
     * allows for the demo stack's two-period latency alarms) with synthetic load on green, a one-minute
     * bake, and smoke tests that give up within half a minute.
     */
    static void deployedWindows(ObjectNode service) {
        ObjectNode canary = service.putObject("canary");
        canary.put("percent", CANARY.percent()).put("minutes", DEPLOYED_CANARY_MINUTES)
                .put("maxMinutes", DEPLOYED_CANARY_MINUTES).put("minRequests", CANARY.minRequests());
        canary.set("syntheticLoad", Worker.JSON.valueToTree(CANARY.syntheticLoad()));
        service.put("bakeMinutes", BAKE_MINUTES);
        ((ObjectNode) service.path("smoke")).put("deadlineSeconds", 30).put("retryIntervalSeconds", 2);
    }

    static final int DEPLOYED_CANARY_MINUTES = 3;

    /**
     * The demo's world read from the stacks the CDK CLI deployed, as a user finds it in the console: the
     * ECS cluster, the listeners, the alarms and the CodeDeploy group from the demo stack's resources
     * (DescribeStackResources), the pipeline from the Greenlight stack's output, and the configuration it
     * was deployed with. The images go to the repository CloudFormation created.
     */
    static DemoStage deployed(LocalTwin twin, DeployedStacks stacks) {
        StackResources demo = StackResources.of(twin, Rehearsal.DEMO_STACK);
        DemoService service = new DemoService(SERVICE, demo.physicalId("AWS::ECS::Cluster"), demo.listener(80),
                demo.listener(Rehearsal.TEST_PORT), demo.physicalIds("AWS::CloudWatch::Alarm"),
                demo.physicalId("AWS::CodeDeploy::DeploymentGroup"));
        ServiceConfig auto = stacks.config().service(SERVICE);
        return new DemoStage(twin, service, auto, auto.withApproval(ApprovalMode.manual),
                new PipelineOnTwin(stacks.stateMachineArn()));
    }

    /** Steady users on the production listener for as long as the demo can last. */
    TrafficGenerator startUsers() {
        return twin.fleet().sendTraffic(twin.elb().listenerPort(service.productionListenerArn()),
                new TrafficPlan(USERS_PER_SECOND, Duration.ofHours(1), 1_000_000));
    }

    /** Where production sends users, read as status and the console read it: through the service's backend. */
    TrafficSplit production() {
        return TrafficSplit.ofProduction(twin.elb(), Backends.readers(twin::codeDeploy, twin::ecs).forService(auto)
                .production(auto));
    }

    /** Whether every task behind the production listener passes its health checks. */
    boolean serving() {
        String live = production().live();
        long healthy = twin.elb().describeTargetHealth(r -> r.targetGroupArn(live)).targetHealthDescriptions().stream()
                .filter(target -> target.targetHealth().state() == TargetHealthStateEnum.HEALTHY).count();
        return healthy >= TASKS;
    }

    /** Whether no alarm is in ALARM: Preflight refuses to start a deployment while one is. */
    boolean alarmsQuiet() {
        return twin.cloudWatch().describeAlarms(r -> r.alarmNames(service.alarms())).metricAlarms().stream()
                .noneMatch(alarm -> alarm.stateValue() == StateValue.ALARM);
    }

    /** Each alarm's state, in the service's order. */
    Map<String, String> alarmStates() {
        Map<String, String> states = new LinkedHashMap<>();
        twin.cloudWatch().describeAlarms(r -> r.alarmNames(service.alarms())).metricAlarms()
                .forEach(alarm -> states.put(alarm.alarmName(), alarm.stateValueAsString()));
        return states;
    }
}
