package dev.greenlight.bench;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.fleet.TrafficGenerator;
import dev.greenlight.local.fleet.TrafficPlan;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import java.time.Duration;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/**
 * One whole blue/green deployment on the twin, in virtual time: provision the demo service, push a
 * good image, and run a 10 % canary under 10 requests/s of user traffic until CodeDeploy succeeds
 * (about 17 virtual minutes: provisioning, canary, termination wait).
 */
final class TwinDeployment implements Scenario {

    private static final String NAME = "Blue/green deployment on the twin";

    @Override
    public String name() {
        return NAME + " (canary 10%, 5 min)";
    }

    @Override
    public String unit() {
        return "deployment";
    }

    @Override
    public Round run() {
        VirtualClock clock = new VirtualClock();
        try (LocalTwin twin = LocalTwin.virtualTime(clock)) {
            DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"));
            clock.advance(Duration.ofMinutes(2));
            TrafficGenerator users = twin.fleet().sendTraffic(twin.elb().listenerPort(orders.productionListenerArn()),
                    new TrafficPlan(10, Duration.ofMinutes(20), 100_000));
            String image = DemoService.push(twin, "orders", "2.0", "healthy");
            String deployment = orders.deploy(twin, DemoService.registerTaskDefinition(twin, "orders", image));
            DeploymentStatus status = awaitEnd(twin, clock, deployment);
            if (status != DeploymentStatus.SUCCEEDED) {
                throw new WrongResultException(NAME, "the deployment ended " + status);
            }
            clock.advance(Duration.ofMinutes(5));
            if (users.report().failed() != 0) {
                throw new WrongResultException(NAME, users.report().failed() + " user requests failed");
            }
            return new Round(1, 0);
        }
    }

    private static DeploymentStatus awaitEnd(LocalTwin twin, VirtualClock clock, String deployment) {
        for (int step = 0; step < 120; step++) {
            DeploymentStatus status = twin.codeDeploy().getDeployment(r -> r.deploymentId(deployment))
                    .deploymentInfo().status();
            if (status == DeploymentStatus.SUCCEEDED || status == DeploymentStatus.FAILED
                    || status == DeploymentStatus.STOPPED) {
                return status;
            }
            clock.advance(Duration.ofSeconds(30));
        }
        throw new WrongResultException(NAME, "the deployment did not end within an hour of virtual time");
    }
}
