package dev.greenlight.local.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.fleet.TrafficGenerator;
import dev.greenlight.local.fleet.TrafficPlan;
import dev.greenlight.local.fleet.TrafficReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * CodeDeploy canaries on the assembled twin, in virtual time: the load balancer shifts modelled user
 * traffic between ECS task sets on the fleet, its metrics reach CloudWatch, and a bad image's 5xx
 * alarm makes CodeDeploy roll back.
 */
class BlueGreenOnTheTwinTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"));

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void goodImage_canaryShiftsAllTrafficToGreenWithNoFailedRequest() {
        clock.advance(Duration.ofMinutes(2));
        TrafficGenerator users = users(Duration.ofMinutes(40));

        String deployment = deployVersion("2.0", "healthy");
        assertThat(weightsAfter(Duration.ofMinutes(3))).containsEntry("orders-blue", 90).containsEntry("orders-green", 10);
        DeploymentInfo done = runUntilDone(deployment);

        assertThat(done.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(weights()).containsEntry("orders-green", 100);
        clock.advance(Duration.ofMinutes(6));
        assertThat(primaryImageTag()).isEqualTo("2.0");
        clock.advance(Duration.ofMinutes(20));
        TrafficReport report = users.report();
        assertThat(report.failed()).isZero();
        assertThat(report.byVersion()).containsKeys("1.0", "2.0");
    }

    @Test
    void badImage_alarmFiresDuringCanaryAndCodeDeployRollsBackToBlue() {
        clock.advance(Duration.ofMinutes(2));
        TrafficGenerator users = users(Duration.ofMinutes(30));

        String deployment = deployVersion("3.0", "errors:0.5");
        DeploymentInfo done = runUntilDone(deployment);

        assertThat(done.status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(done.errorInformation().codeAsString()).isEqualTo("ALARM_ACTIVE");
        assertThat(done.rollbackInfo().rollbackDeploymentId()).isNotBlank();
        clock.advance(Duration.ofMinutes(1));
        assertThat(weights()).containsEntry("orders-blue", 100);
        assertThat(primaryImageTag()).isEqualTo("1.0");
        clock.advance(Duration.ofMinutes(30));
        TrafficReport report = users.report();
        assertThat(report.failed()).as("the canary's blast radius").isPositive()
                .isLessThan(report.sent() / 100);
        assertThat(report.byVersion().get("3.0")).isLessThan(report.sent() / 10);
    }

    @Test
    void secondDeployment_usesTheOtherTargetGroupAndAlsoDropsNothing() {
        clock.advance(Duration.ofMinutes(2));
        TrafficGenerator users = users(Duration.ofMinutes(45));

        assertThat(runUntilDone(deployVersion("2.0", "healthy")).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        clock.advance(Duration.ofMinutes(6));
        assertThat(runUntilDone(deployVersion("2.1", "healthy")).status()).isEqualTo(DeploymentStatus.SUCCEEDED);

        assertThat(weights()).containsEntry("orders-blue", 100);
        clock.advance(Duration.ofMinutes(6));
        assertThat(primaryImageTag()).isEqualTo("2.1");
        clock.advance(Duration.ofMinutes(20));
        assertThat(users.report().failed()).isZero();
        assertThat(users.report().byVersion()).containsKeys("1.0", "2.0", "2.1");
    }

    private TrafficGenerator users(Duration duration) {
        int port = twin.elb().listenerPort(orders.productionListenerArn());
        return twin.fleet().sendTraffic(port, new TrafficPlan(10, duration, 100_000));
    }

    private String deployVersion(String tag, String profile) {
        String image = DemoService.push(twin, "orders", tag, profile);
        return orders.deploy(twin, DemoService.registerTaskDefinition(twin, "orders", image));
    }

    private DeploymentInfo runUntilDone(String deploymentId) {
        for (int minute = 0; minute < 60; minute++) {
            DeploymentInfo info = twin.codeDeploy().getDeployment(r -> r.deploymentId(deploymentId)).deploymentInfo();
            if (info.status() == DeploymentStatus.SUCCEEDED || info.status() == DeploymentStatus.FAILED
                    || info.status() == DeploymentStatus.STOPPED) {
                return info;
            }
            clock.advance(Duration.ofSeconds(30));
        }
        throw new AssertionError("deployment " + deploymentId + " did not end within 30 minutes");
    }

    private Map<String, Integer> weightsAfter(Duration wait) {
        clock.advance(wait);
        return weights();
    }

    /** The production listener's weights by target group name. */
    private Map<String, Integer> weights() {
        return twin.elb().describeListeners(r -> r.listenerArns(orders.productionListenerArn())).listeners().get(0)
                .defaultActions().get(0).forwardConfig().targetGroups().stream()
                .collect(Collectors.toMap(group -> name(group), TargetGroupTuple::weight));
    }

    private String name(TargetGroupTuple group) {
        return twin.elb().describeTargetGroups(r -> r.targetGroupArns(group.targetGroupArn())).targetGroups().get(0)
                .targetGroupName();
    }

    private String primaryImageTag() {
        String taskDefinition = twin.ecs().describeServices(r -> r.cluster(orders.cluster()).services("orders"))
                .services().get(0).taskDefinition();
        String image = twin.ecs().describeTaskDefinition(r -> r.taskDefinition(taskDefinition)).taskDefinition()
                .containerDefinitions().get(0).image();
        String digest = image.substring(image.indexOf('@') + 1);
        return twin.ecr().describeImages(r -> r.repositoryName("orders").imageIds(id -> id.imageDigest(digest)))
                .imageDetails().get(0).imageTags().get(0);
    }
}
