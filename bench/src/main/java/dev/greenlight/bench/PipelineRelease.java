package dev.greenlight.bench;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.fleet.TrafficGenerator;
import dev.greenlight.local.fleet.TrafficPlan;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.statemachine.twin.PipelineOnTwin;
import dev.greenlight.statemachine.twin.TwinServiceConfig;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * One whole release through the real pipeline, in virtual time: provision the demo service, deploy
 * the definition and the real workers onto the twin, push a good image, and run until the execution
 * succeeds (verify, scan wait, canary 10 % for 5 minutes, a 5-minute bake, promotion), under user
 * traffic that must see no failed request.
 */
final class PipelineRelease implements Scenario {

    private static final String NAME = "Pipeline release on the twin, real workers";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String unit() {
        return "release";
    }

    @Override
    public Round run() {
        VirtualClock clock = new VirtualClock();
        try (LocalTwin twin = LocalTwin.virtualTime(clock)) {
            DemoService orders = DemoService.provision(twin,
                    new DemoService.Settings("orders", 2, "CodeDeployDefault.ECSAllAtOnce", 30, "healthy"));
            PipelineOnTwin pipeline = PipelineOnTwin.deploy(twin, new GreenlightConfig(Map.of("orders",
                    TwinServiceConfig.of(twin, orders, ApprovalMode.auto, 5))), true);
            clock.advance(Duration.ofMinutes(2));
            TrafficGenerator users = twin.fleet().sendTraffic(twin.elb().listenerPort(orders.productionListenerArn()),
                    new TrafficPlan(10, Duration.ofMinutes(40), 1_000_000));
            DemoService.push(twin, "orders", "2.0", "healthy");
            ExecutionListItem execution = awaitEnd(twin, clock, pipeline);
            if (execution.status() != ExecutionStatus.SUCCEEDED) {
                throw new WrongResultException(NAME, "the execution ended " + execution.status());
            }
            if (users.report().failed() != 0) {
                throw new WrongResultException(NAME, users.report().failed() + " user requests failed");
            }
            long transitions = twin.stepFunctions().getExecutionHistory(r -> r.executionArn(execution.executionArn())
                    .maxResults(1000)).events().stream().filter(e -> e.typeAsString().endsWith("StateEntered")).count();
            return new Round(1, transitions);
        }
    }

    private static ExecutionListItem awaitEnd(LocalTwin twin, VirtualClock clock, PipelineOnTwin pipeline) {
        for (int minute = 0; minute < 120; minute++) {
            clock.advance(Duration.ofMinutes(1));
            List<ExecutionListItem> executions = twin.stepFunctions()
                    .listExecutions(r -> r.stateMachineArn(pipeline.stateMachineArn())).executions();
            if (!executions.isEmpty() && executions.get(0).status() != ExecutionStatus.RUNNING) {
                return executions.get(0);
            }
        }
        throw new WrongResultException(NAME, "the release did not end within two hours of virtual time");
    }
}
