package dev.greenlight.workers.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.backend.DeploymentBackend.Production;
import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.core.DeploymentInput.Decision;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.core.DeploymentInput.Override;
import dev.greenlight.workers.core.DeploymentInput.Trigger;
import dev.greenlight.workers.testing.Configs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** Preflight against the twin's CodeDeploy, CloudWatch and ECR, for the demo service {@code orders}. */
class PreflightTest {

    private static final Trigger PUSH = new Trigger("ecr-push", "account 123456789012", "pushed");

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"));
    private final Preflight preflight = new Preflight(twin.codeDeploy(), twin.cloudWatch(), twin.ecr(), twin.elb());

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void quietServiceAndNewestImage_isClear() {
        clock.advance(Duration.ofMinutes(2));
        String digest = digestOf(DemoService.push(twin, "orders", "2.0", "healthy"));

        Preflight.Output out = preflight.apply(input("2.0", digest, PUSH, null));

        assertThat(out.verdict()).isEqualTo(PreflightVerdict.CLEAR);
        assertThat(out.reasons()).isEmpty();
        assertThat(out.alarmsFiring()).isEmpty();
    }

    @Test
    void activeDeploymentInTheGroup_isDeploymentInProgressNamingIt() {
        clock.advance(Duration.ofMinutes(2));
        String image = DemoService.push(twin, "orders", "2.0", "healthy");
        String deployment = orders.deploy(twin, DemoService.registerTaskDefinition(twin, "orders", image));

        assertThatThrownBy(() -> preflight.apply(input("2.0", digestOf(image), PUSH, null)))
                .isInstanceOf(DeploymentInProgress.class)
                .hasMessageContaining(deployment).hasMessageContaining("orders/orders-dg");
    }

    @Test
    void newerPush_supersedesAnOlderImageStillWaiting() {
        clock.advance(Duration.ofMinutes(2));
        String older = digestOf(DemoService.push(twin, "orders", "2.0", "healthy"));
        clock.advance(Duration.ofMinutes(1));
        String newer = digestOf(DemoService.push(twin, "orders", "2.1", "healthy"));
        clock.advance(Duration.ofMinutes(1));
        DemoService.push(twin, "orders", "2.2", "healthy");

        Preflight.Output out = preflight.apply(input("2.0", older, PUSH, null));

        assertThat(out.verdict()).isEqualTo(PreflightVerdict.SUPERSEDED);
        assertThat(out.reasons()).singleElement().asString().contains("superseded by 2.2@sha256:")
                .doesNotContain(newer).contains("2.0@" + older);
    }

    @Test
    void manualStartOfAnOlderImage_isNotSuperseded() {
        clock.advance(Duration.ofMinutes(2));
        DemoService.push(twin, "orders", "2.0", "healthy");

        Preflight.Output out = preflight.apply(input("1.0", null,
                new Trigger("manual", "alice", "back to 1.0 while 2.0 is investigated"), null));

        assertThat(out.verdict()).isEqualTo(PreflightVerdict.CLEAR);
    }

    @Test
    void firingAlarm_isAlarmFiringWithTheAlarmAndHowToOverride() {
        String digest = digestOf(DemoService.push(twin, "orders", "2.0", "healthy"));
        fire("orders-blue-5xx");

        Preflight.Output out = preflight.apply(input("2.0", digest, PUSH, null));

        assertThat(out.verdict()).isEqualTo(PreflightVerdict.ALARM_FIRING);
        assertThat(out.alarmsFiring()).extracting(FiringAlarm::name).containsExactly("orders-blue-5xx");
        assertThat(out.alarmsFiring().get(0).reason()).isEqualTo("5xx storm");
        assertThat(out.reasons()).anySatisfy(reason -> assertThat(reason).contains("orders-blue-5xx"))
                .anySatisfy(reason -> assertThat(reason).contains("override.alarmsFiring"));
    }

    @Test
    void firingAlarmWithOverride_isClearAndRecordsWhoAndWhy() {
        String digest = digestOf(DemoService.push(twin, "orders", "2.0", "healthy"));
        fire("orders-blue-5xx");

        Preflight.Output out = preflight.apply(input("2.0", digest, PUSH,
                new Override(new Decision("alice", "2.0 fixes the 5xx"))));

        assertThat(out.verdict()).isEqualTo(PreflightVerdict.CLEAR);
        assertThat(out.alarmsFiring()).extracting(FiringAlarm::name).containsExactly("orders-blue-5xx");
        assertThat(out.reasons()).last().asString().contains("override by alice: 2.0 fixes the 5xx");
    }

    @Test
    void alarmOfTheIdleTargetGroup_doesNotBlock_butIsReported() {
        String digest = digestOf(DemoService.push(twin, "orders", "2.0", "healthy"));
        twin.codeDeploy().updateDeploymentGroup(r -> r.applicationName("orders")
                .currentDeploymentGroupName(orders.deploymentGroup()).alarmConfiguration(a -> a.enabled(false)));
        fire("orders-green-5xx");

        Preflight.Output out = preflight.apply(input("2.0", digest, PUSH, null));

        assertThat(out.verdict()).as("production serves users from orders-blue").isEqualTo(PreflightVerdict.CLEAR);
        assertThat(out.alarmsFiring()).isEmpty();
        assertThat(out.reasons()).singleElement().asString()
                .contains("orders-green-5xx", "target group orders-green", "serves no user now", "not blocking");
    }

    @Test
    void alarmOfTheIdleTargetGroupThatCodeDeployWatches_isWaitedFor_sinceCodeDeployWouldStopTheDeployment() {
        String digest = digestOf(DemoService.push(twin, "orders", "2.0", "healthy"));
        fire("orders-green-5xx");

        assertThatThrownBy(() -> preflight.apply(input("2.0", digest, PUSH, null)))
                .isInstanceOf(StaleAlarmStillFiring.class)
                .hasMessageContaining("orders-green-5xx (target group orders-green, in ALARM since 20")
                .hasMessageContaining("retried until CloudWatch clears it");
    }

    @Test
    void aStaleAlarmsWait_namesWhoWouldStopTheDeployment_inTheBackendsOwnWords() {
        assertThat(Preflight.stopper(Configs.orders(), new Production("orders-dg", List.of(), List.of(), List.of())))
                .isEqualTo("CodeDeploy's deployment group orders-dg");
        assertThat(Preflight.stopper(Configs.orders().withBackend(Backend.ecs), new Production("greenlight/orders",
                List.of(), List.of(), List.of()))).isEqualTo("ECS's deployment of service greenlight/orders");
    }

    @Test
    void canaryShorterThanAnAlarmsTimeToFire_isWindowTooShortNamingTheAlarmAndTheMinimum() {
        twin.cloudWatch().putMetricAlarm(r -> r.alarmName("orders-slow").namespace("AWS/ApplicationELB")
                .metricName("TargetResponseTime").dimensions(d -> d.name("LoadBalancer").value("app/orders-alb/1"))
                .statistic("Average").period(300).evaluationPeriods(3).datapointsToAlarm(2).threshold(1.0)
                .comparisonOperator("GreaterThanThreshold"));
        String digest = digestOf(DemoService.push(twin, "orders", "2.0", "healthy"));
        var c = Configs.orders();
        var config = new dev.greenlight.workers.config.ServiceConfig(c.repository(), c.cluster(), c.service(),
                c.container(), c.containerPort(), c.codeDeploy(), java.util.List.of("orders-blue-5xx", "orders-slow"),
                new dev.greenlight.workers.config.ServiceConfig.Canary(10, 5), c.bakeMinutes(), c.approval(), c.scan(),
                c.requiredLabels(), c.smoke(), c.notifications());

        Preflight.Output out = preflight.apply(new Preflight.Input("orders", new ImageRef("orders", "2.0", digest),
                PUSH, config, new Override(new Decision("alice", "an override does not lengthen a window"))));

        assertThat(out.verdict()).isEqualTo(PreflightVerdict.WINDOW_TOO_SHORT);
        assertThat(out.reasons()).anySatisfy(reason -> assertThat(reason)
                .contains("alarm orders-slow", "at least 11 minutes"));
        assertThat(out.reasons()).noneSatisfy(reason -> assertThat(reason).contains("orders-blue-5xx"));
    }

    @Test
    void supersededWins_overFiringAlarms() {
        clock.advance(Duration.ofMinutes(2));
        String older = digestOf(DemoService.push(twin, "orders", "2.0", "healthy"));
        clock.advance(Duration.ofMinutes(1));
        DemoService.push(twin, "orders", "2.1", "healthy");
        fire("orders-blue-5xx");

        assertThat(preflight.apply(input("2.0", older, PUSH, null)).verdict()).isEqualTo(PreflightVerdict.SUPERSEDED);
    }

    @Test
    void overrideWithoutReason_isRefused() {
        assertThatThrownBy(() -> preflight.apply(input("1.0", null, PUSH, new Override(new Decision("alice", " ")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"reason\"");
    }

    @Test
    void configuredAlarmThatDoesNotExist_isAConfigurationProblem() {
        var config = Configs.file("").service("orders");
        var withTypo = new dev.greenlight.workers.config.ServiceConfig(config.repository(), config.cluster(),
                config.service(), config.container(), config.containerPort(), config.codeDeploy(),
                java.util.List.of("orders-blue-5xx", "orders-5xxx"), config.canary(), config.bakeMinutes(),
                config.approval(), config.scan(), config.requiredLabels(), config.smoke(), config.notifications());

        assertThatThrownBy(() -> preflight.apply(new Preflight.Input("orders", new ImageRef("orders", "1.0", null),
                PUSH, withTypo, null)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alarm 'orders-5xxx' does not exist");
    }

    private void fire(String alarm) {
        twin.cloudWatch().setAlarmState(r -> r.alarmName(alarm).stateValue(StateValue.ALARM).stateReason("5xx storm"));
    }

    private static Preflight.Input input(String tag, String digest, Trigger trigger, Override override) {
        return new Preflight.Input("orders", new ImageRef("orders", tag, digest), trigger, Configs.orders(), override);
    }

    private static String digestOf(String imageUri) {
        return imageUri.substring(imageUri.indexOf('@') + 1);
    }
}
