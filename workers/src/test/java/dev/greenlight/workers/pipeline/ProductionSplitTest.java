package dev.greenlight.workers.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.backend.Backends;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.pipeline.TrafficSplit.Share;
import dev.greenlight.workers.testing.Configs;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * The production split, read one way for both backends: the backend names the production route
 * (CodeDeploy's deployment group its listeners, ECS its service's production listener rule), and the
 * split is read from what the load balancer forwards there.
 */
class ProductionSplitTest {

    private final LocalTwin twin = LocalTwin.virtualTime(new VirtualClock(Instant.parse("2026-01-01T00:00:00Z")));

    @AfterEach
    void close() {
        twin.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void theProductionRoute_isReadThroughTheServicesBackend(Backend backend) {
        DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"),
                backend == Backend.ecs);
        ServiceConfig config = Configs.orders().withBackend(backend);
        Backends backends = Backends.readers(twin::codeDeploy, twin::ecs);

        TrafficSplit before = TrafficSplit.ofProduction(twin.elb(), backends.forService(config).production(config));
        assertThat(before.live()).contains("targetgroup/orders-blue/");
        assertThat(before.percentOf(before.live())).isEqualTo(100);

        // Ten percent on green, as a canary leaves the production route.
        String blue = before.live();
        String green = twin.elb().describeTargetGroups(r -> r.names("orders-green")).targetGroups().get(0)
                .targetGroupArn();
        Action canary = Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(
                TargetGroupTuple.builder().targetGroupArn(blue).weight(90).build(),
                TargetGroupTuple.builder().targetGroupArn(green).weight(10).build())).build();
        if (backend == Backend.ecs) {
            twin.elb().modifyRule(r -> r.ruleArn(DemoService.defaultRule(twin, orders.productionListenerArn()))
                    .actions(canary));
        } else {
            twin.elb().modifyListener(r -> r.listenerArn(orders.productionListenerArn()).defaultActions(canary));
        }

        assertThat(TrafficSplit.ofProduction(twin.elb(), backends.forService(config).production(config)).shares())
                .extracting(Share::targetGroup, Share::percent)
                .containsExactly(tuple("orders-blue", 90),
                        tuple("orders-green", 10));
    }
}
