package dev.greenlight.bench;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.statemachine.twin.TwinServiceConfig;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/**
 * The demo service {@code orders} on a twin in virtual time, with image {@code 2.0} pushed and scanned:
 * what the workers' cold-start calls read and change.
 *
 * @param image the digest-pinned URI of {@code orders:2.0}
 */
record OrdersOnTheTwin(LocalTwin twin, VirtualClock clock, DemoService service, ServiceConfig config, String image) {

    private static final Set<DeploymentStatus> ACTIVE = Set.of(DeploymentStatus.CREATED, DeploymentStatus.QUEUED,
            DeploymentStatus.IN_PROGRESS, DeploymentStatus.READY);

    static OrdersOnTheTwin provision(LocalTwin twin, VirtualClock clock) {
        DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"));
        String image = DemoService.push(twin, "orders", "2.0", "healthy");
        clock.advance(Duration.ofMinutes(2));
        return new OrdersOnTheTwin(twin, clock, orders, TwinServiceConfig.of(twin, orders, ApprovalMode.auto, 5),
                image);
    }

    /** Starts a blue/green deployment of {@code 2.0} (no hooks) and returns its id. */
    String startDeployment() {
        return service.deploy(twin, DemoService.registerTaskDefinition(twin, "orders", image));
    }

    /** Stops the deployments in progress with their rollbacks, and lets virtual time run until none is. */
    void stopDeployments() {
        activeDeployments().forEach(id -> twin.codeDeploy().stopDeployment(r -> r.deploymentId(id)
                .autoRollbackEnabled(true)));
        for (int minute = 0; minute < 30; minute++) {
            if (activeDeployments().isEmpty()) {
                return;
            }
            clock.advance(Duration.ofMinutes(1));
        }
        throw new IllegalStateException("a deployment of orders is still in progress 30 virtual minutes after "
                + "it was stopped");
    }

    private List<String> activeDeployments() {
        return twin.codeDeploy().listDeployments(r -> r.applicationName(service.name())
                .deploymentGroupName(service.deploymentGroup())).deployments().stream()
                .filter(id -> ACTIVE.contains(twin.codeDeploy().getDeployment(r -> r.deploymentId(id))
                        .deploymentInfo().status()))
                .toList();
    }
}
