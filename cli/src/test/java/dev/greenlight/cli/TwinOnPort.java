package dev.greenlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.aws.TwinAddress;
import dev.greenlight.cli.local.PushEndpoint;
import dev.greenlight.cli.local.TwinPipeline;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.fleet.TrafficPlan;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * What {@code greenlight local up} runs, in virtual time: the demo service with the pipeline deployed,
 * served over the wire on a free port, with its address in a discovery file under {@code home}. The
 * test drives the clock; the commands reach it as they would reach a real-time twin.
 */
public final class TwinOnPort implements AutoCloseable {

    public final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    public final LocalTwin twin = LocalTwin.virtualTime(clock);
    public final DemoService orders;
    public final TwinPipeline pipeline;
    public final WireGateway gateway;
    public final PushEndpoint push;
    public final TwinAddress address;

    /** Serves the twin and writes its address in {@code home}, where the commands look for it. */
    public TwinOnPort(ApprovalMode approval, Path home) {
        this(approval, home, Backend.codedeploy);
    }

    /** As {@link #TwinOnPort(ApprovalMode, Path)}, {@code orders} deployed by {@code backend}. */
    public TwinOnPort(ApprovalMode approval, Path home, Backend backend) {
        System.setProperty("greenlight.home", home.toString());
        orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"), backend == Backend.ecs);
        pipeline = TwinPipeline.deploy(twin, orders, approval, true, backend);
        gateway = twin.serve(0);
        push = PushEndpoint.start(twin);
        address = new TwinAddress("http://127.0.0.1:" + gateway.port(), push.url(), pipeline.stateMachineArn(),
                pipeline.config());
        address.write();
        // Users on the production listener: a release is promoted only on green's own traffic.
        twin.fleet().sendTraffic(twin.elb().listenerPort(orders.productionListenerArn()),
                new TrafficPlan(20, Duration.ofHours(4), 10_000_000));
        clock.advance(Duration.ofMinutes(2));
    }

    public String endpointUrl() {
        return address.endpointUrl();
    }

    public List<ExecutionListItem> executions() {
        return twin.stepFunctions().listExecutions(r -> r.stateMachineArn(pipeline.stateMachineArn())).executions();
    }

    /** Advances virtual time a minute at a time until {@code done}, for at most three hours. */
    public void advanceUntil(BooleanSupplier done) {
        for (int minute = 0; minute < 180 && !done.getAsBoolean(); minute++) {
            clock.advance(Duration.ofMinutes(1));
        }
        if (!done.getAsBoolean()) {
            throw new AssertionError("not done within 3 hours of virtual time");
        }
    }

    /**
     * Pushes orders 3.0, half of whose requests fail, with more users on production, and runs it to its
     * end: rolled back, its green alarm still firing.
     *
     * @return the execution's name
     */
    public String rolledBackRelease() {
        twin.fleet().sendTraffic(twin.elb().listenerPort(orders.productionListenerArn()),
                new TrafficPlan(10, Duration.ofHours(2), 1_000_000));
        assertThat(CommandRun.of("push", "orders", "3.0", "--profile", "errors:0.5").exitCode()).isZero();
        runToEnd();
        return executions().get(0).name();
    }

    /** Advances virtual time until every execution has ended. */
    public void runToEnd() {
        advanceUntil(() -> !executions().isEmpty()
                && executions().stream().noneMatch(e -> e.status() == ExecutionStatus.RUNNING));
    }

    @Override
    public void close() {
        address.remove();
        push.close();
        gateway.close();
        twin.close();
        System.clearProperty("greenlight.home");
    }
}
