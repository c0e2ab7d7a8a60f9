package dev.greenlight.local.aws.elbv2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.fleet.AppProfile;
import dev.greenlight.local.fleet.Endpoint;
import dev.greenlight.local.fleet.Fleet;
import dev.greenlight.local.fleet.TrafficGenerator;
import dev.greenlight.local.fleet.TrafficPlan;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTargetGroupNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAssociationLimitException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

class ElbV2TwinTest {

    private final VirtualClock clock = new VirtualClock();
    private final Fleet fleet = Fleet.virtualTime(clock, (namespace, data) -> { });
    private final ElbV2Twin twin = new ElbV2Twin(clock, fleet);
    private final ElasticLoadBalancingV2Client elb = twin;

    @Test
    void blueGreenSetup_shiftsWeightsAndReportsTargetHealth() {
        String lb = loadBalancer("web");
        String blue = targetGroup("web-blue");
        String green = targetGroup("web-green");
        Endpoint blueApp = fleet.startApp(AppProfile.healthy("1.0"));
        Endpoint greenApp = fleet.startApp(AppProfile.healthy("2.0"));
        register(blue, blueApp);
        register(green, greenApp);
        Listener listener = elb.createListener(r -> r.loadBalancerArn(lb).protocol(ProtocolEnum.HTTP).port(80)
                .defaultActions(forward(Map.of(blue, 1)))).listeners().get(0);

        assertThat(health(blue).state().toString()).isEqualTo("initial");
        assertThat(health(blue).reason().toString()).isEqualTo("Elb.RegistrationInProgress");
        assertThat(health(green).reason().toString()).isEqualTo("Target.NotInUse");
        clock.advance(Duration.ofSeconds(1));
        assertThat(health(blue).state().toString()).isEqualTo("healthy");

        elb.modifyListener(r -> r.listenerArn(listener.listenerArn()).defaultActions(forward(Map.of(blue, 90, green, 10))));
        clock.advance(Duration.ofSeconds(1));
        assertThat(health(green).state().toString()).isEqualTo("healthy");

        TrafficGenerator traffic = fleet.sendTraffic(twin.listenerPort(listener.listenerArn()),
                new TrafficPlan(10, Duration.ofSeconds(10), 100));
        clock.advance(Duration.ofSeconds(11));
        assertThat(traffic.report().byVersion()).isEqualTo(Map.of("1.0", 90L, "2.0", 10L));
        assertThat(elb.describeTargetGroups(r -> r.loadBalancerArn(lb)).targetGroups())
                .allSatisfy(group -> assertThat(group.loadBalancerArns()).containsExactly(lb));
    }

    @Test
    void modifyRuleOnDefaultRule_shiftsTrafficAsModifyListenerDoes() {
        String lb = loadBalancer("web");
        String blue = targetGroup("web-blue");
        String green = targetGroup("web-green");
        Listener listener = elb.createListener(r -> r.loadBalancerArn(lb).port(80)
                .defaultActions(forward(Map.of(blue, 1)))).listeners().get(0);
        Rule rule = elb.describeRules(r -> r.listenerArn(listener.listenerArn())).rules().get(0);
        assertThat(rule.isDefault()).isTrue();
        assertThat(rule.priority()).isEqualTo("default");

        elb.modifyRule(r -> r.ruleArn(rule.ruleArn()).actions(forward(Map.of(blue, 0, green, 100))));

        Action action = elb.describeListeners(r -> r.listenerArns(listener.listenerArn())).listeners().get(0)
                .defaultActions().get(0);
        assertThat(action.forwardConfig().targetGroups()).extracting(TargetGroupTuple::weight)
                .containsExactlyInAnyOrder(0, 100);
    }

    @Test
    void deregisteredTarget_drainsThenIsGone() {
        String lb = loadBalancer("web");
        String blue = targetGroup("web-blue");
        Endpoint app = fleet.startApp(AppProfile.healthy("1.0"));
        register(blue, app);
        elb.createListener(r -> r.loadBalancerArn(lb).port(80).defaultActions(forward(Map.of(blue, 1))));
        clock.advance(Duration.ofSeconds(1));

        elb.deregisterTargets(r -> r.targetGroupArn(blue).targets(target(app)));
        assertThat(health(blue).reason().toString()).isEqualTo("Target.DeregistrationInProgress");
        clock.advance(Duration.ofSeconds(300));

        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(blue)).targetHealthDescriptions()).isEmpty();
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(blue).targets(target(app)))
                .targetHealthDescriptions().get(0).targetHealth().reasonAsString()).isEqualTo("Target.NotRegistered");
    }

    static Stream<Arguments> invalidTargetGroups() {
        return Stream.of(
                Arguments.of("name with underscore", (Consumer<CreateTargetGroupRequest.Builder>) r -> r.name("web_blue")),
                Arguments.of("name ending in hyphen", (Consumer<CreateTargetGroupRequest.Builder>) r -> r.name("web-")),
                Arguments.of("name over 32", (Consumer<CreateTargetGroupRequest.Builder>) r -> r.name("a".repeat(33))),
                Arguments.of("interval 4", (Consumer<CreateTargetGroupRequest.Builder>) r -> r.healthCheckIntervalSeconds(4)),
                Arguments.of("timeout 121", (Consumer<CreateTargetGroupRequest.Builder>) r -> r.healthCheckTimeoutSeconds(121)),
                Arguments.of("timeout not below interval", (Consumer<CreateTargetGroupRequest.Builder>) r -> r
                        .healthCheckIntervalSeconds(10).healthCheckTimeoutSeconds(10)),
                Arguments.of("healthy threshold 11", (Consumer<CreateTargetGroupRequest.Builder>) r -> r.healthyThresholdCount(11)),
                Arguments.of("unhealthy threshold 1", (Consumer<CreateTargetGroupRequest.Builder>) r -> r.unhealthyThresholdCount(1)),
                Arguments.of("matcher 500", (Consumer<CreateTargetGroupRequest.Builder>) r -> r.matcher(Matcher.builder().httpCode("500").build())),
                Arguments.of("matcher syntax", (Consumer<CreateTargetGroupRequest.Builder>) r -> r.matcher(Matcher.builder().httpCode("2xx").build())),
                Arguments.of("no port", (Consumer<CreateTargetGroupRequest.Builder>) r -> r.port((Integer) null)),
                Arguments.of("no vpc", (Consumer<CreateTargetGroupRequest.Builder>) r -> r.vpcId(null)),
                Arguments.of("path without slash", (Consumer<CreateTargetGroupRequest.Builder>) r -> r.healthCheckPath("health")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTargetGroups")
    void invalidTargetGroup_isRefusedWithValidationErrorAndNothingCreated(String name,
            Consumer<CreateTargetGroupRequest.Builder> change) {
        CreateTargetGroupRequest.Builder request = validTargetGroup("web-blue").toBuilder();
        change.accept(request);

        assertThatThrownBy(() -> elb.createTargetGroup(request.build()))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThat(elb.describeTargetGroups(r -> { }).targetGroups()).isEmpty();
    }

    @Test
    void createTargetGroup_isIdempotentForSameSettingsAndRefusesOthers() {
        String first = targetGroup("web-blue");
        assertThat(targetGroup("web-blue")).isEqualTo(first);

        assertThatThrownBy(() -> elb.createTargetGroup(validTargetGroup("web-blue").toBuilder().port(8080).build()))
                .isInstanceOfSatisfying(DuplicateTargetGroupNameException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DuplicateTargetGroupName"));
        assertThat(elb.describeTargetGroups(r -> { }).targetGroups()).singleElement()
                .satisfies(group -> assertThat(group.port()).isEqualTo(80));
    }

    @Test
    void invalidWeights_areRefusedAndLeaveTheListenerAsItWas() {
        String lb = loadBalancer("web");
        String blue = targetGroup("web-blue");
        String green = targetGroup("web-green");
        Listener listener = elb.createListener(r -> r.loadBalancerArn(lb).port(80)
                .defaultActions(forward(Map.of(blue, 1)))).listeners().get(0);

        assertThatThrownBy(() -> elb.modifyListener(r -> r.listenerArn(listener.listenerArn())
                .defaultActions(forward(Map.of(blue, 1000, green, 0)))))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        String missing = blue.replace("web-blue", "nope");
        assertThatThrownBy(() -> elb.modifyListener(r -> r.listenerArn(listener.listenerArn())
                .defaultActions(forward(Map.of(missing, 1)))))
                .isInstanceOfSatisfying(TargetGroupNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupNotFound"));

        assertThat(elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners()).singleElement()
                .isEqualTo(listener);
    }

    @Test
    void modifyListenerWithAnUnknownProtocolOrActionTypeOrAPortOutOfRange_isAValidationError() {
        String lb = loadBalancer("web");
        String blue = targetGroup("web-blue");
        Listener listener = elb.createListener(r -> r.loadBalancerArn(lb).port(80)
                .defaultActions(forward(Map.of(blue, 1)))).listeners().get(0);

        assertValidationError(() -> elb.modifyListener(r -> r.listenerArn(listener.listenerArn()).port(70000)),
                "1 validation error detected: Value '70000' at 'port' failed to satisfy constraint: "
                        + "Member must have value between 1 and 65535");
        assertValidationError(() -> elb.modifyListener(r -> r.listenerArn(listener.listenerArn()).protocol("BOGUS")),
                "1 validation error detected: Value 'BOGUS' at 'protocol' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: " + ProtocolEnum.knownValues());
        assertValidationError(() -> elb.modifyListener(r -> r.listenerArn(listener.listenerArn())
                .defaultActions(Action.builder().type("bogus").targetGroupArn(blue).build())),
                "1 validation error detected: Value 'bogus' at 'defaultActions.1.member.type' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: " + ActionTypeEnum.knownValues());

        assertThat(elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners()).singleElement()
                .isEqualTo(listener);
    }

    private static void assertValidationError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void unknownResources_areRefusedWithElbCodes() {
        String arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:";
        assertThatThrownBy(() -> elb.describeLoadBalancers(r -> r.loadBalancerArns(arn + "loadbalancer/app/x/1")))
                .isInstanceOfSatisfying(LoadBalancerNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LoadBalancerNotFound"));
        assertThatThrownBy(() -> elb.describeTargetHealth(r -> r.targetGroupArn(arn + "targetgroup/x/1")))
                .isInstanceOfSatisfying(TargetGroupNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupNotFound"));
        assertThatThrownBy(() -> elb.describeListeners(r -> r.listenerArns(arn + "listener/app/x/1/2")))
                .isInstanceOfSatisfying(ListenerNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ListenerNotFound"));
        assertThatThrownBy(() -> elb.describeListeners(r -> { }))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    @Test
    void targetGroupOfOneLoadBalancer_cannotServeAnother() {
        String web = loadBalancer("web");
        String api = loadBalancer("api");
        String blue = targetGroup("web-blue");
        elb.createListener(r -> r.loadBalancerArn(web).port(80).defaultActions(forward(Map.of(blue, 1))));

        assertThatThrownBy(() -> elb.createListener(r -> r.loadBalancerArn(api).port(80)
                .defaultActions(forward(Map.of(blue, 1)))))
                .isInstanceOfSatisfying(TargetGroupAssociationLimitException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupAssociationLimit"));
        assertThat(elb.describeListeners(r -> r.loadBalancerArn(api)).listeners()).isEmpty();
    }

    @Test
    void invalidTargets_areRefusedAndNothingRegistered() {
        String blue = targetGroup("web-blue");
        assertThatThrownBy(() -> elb.registerTargets(r -> r.targetGroupArn(blue)
                .targets(TargetDescription.builder().id("10.0.0.1").build(),
                        TargetDescription.builder().id("i-0abc").build())))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidTarget"));
        assertThatThrownBy(() -> elb.deregisterTargets(r -> r.targetGroupArn(blue)
                .targets(TargetDescription.builder().id("10.0.0.1").port(80).build())))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidTarget"));
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(blue)).targetHealthDescriptions()).isEmpty();
    }

    @Test
    void loadBalancerNames_followElbRules() {
        assertThatThrownBy(() -> elb.createLoadBalancer(r -> r.name("internal-web")))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        String web = loadBalancer("web");
        assertThat(loadBalancer("web")).isEqualTo(web);
        assertThatThrownBy(() -> elb.createLoadBalancer(r -> r.name("web").scheme("internal")))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DuplicateLoadBalancerName"));
    }

    private String loadBalancer(String name) {
        return elb.createLoadBalancer(r -> r.name(name).subnets("subnet-a", "subnet-b")).loadBalancers().get(0)
                .loadBalancerArn();
    }

    private static CreateTargetGroupRequest validTargetGroup(String name) {
        return CreateTargetGroupRequest.builder().name(name).protocol(ProtocolEnum.HTTP).port(80)
                .vpcId("vpc-1").targetType(TargetTypeEnum.IP).healthCheckPath("/health").build();
    }

    private String targetGroup(String name) {
        return elb.createTargetGroup(validTargetGroup(name)).targetGroups().get(0).targetGroupArn();
    }

    private void register(String group, Endpoint app) {
        elb.registerTargets(r -> r.targetGroupArn(group).targets(target(app)));
    }

    private static TargetDescription target(Endpoint app) {
        return TargetDescription.builder().id(app.host()).port(app.port()).build();
    }

    private TargetHealth health(String group) {
        return elb.describeTargetHealth(r -> r.targetGroupArn(group)).targetHealthDescriptions().get(0).targetHealth();
    }

    private static Action forward(Map<String, Integer> weights) {
        return Action.builder().type(ActionTypeEnum.FORWARD)
                .forwardConfig(ForwardActionConfig.builder().targetGroups(weights.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> TargetGroupTuple.builder().targetGroupArn(e.getKey()).weight(e.getValue()).build())
                        .toList()).build())
                .build();
    }
}
