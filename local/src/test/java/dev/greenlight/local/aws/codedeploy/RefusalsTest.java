package dev.greenlight.local.aws.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codedeploy.model.Alarm;
import software.amazon.awssdk.services.codedeploy.model.ApplicationDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentGroupRequest;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.DeploymentType;
import software.amazon.awssdk.services.codedeploy.model.InvalidComputePlatformException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentIdException;
import software.amazon.awssdk.services.codedeploy.model.InvalidLifecycleEventHookExecutionIdException;
import software.amazon.awssdk.services.codedeploy.model.InvalidLifecycleEventHookExecutionStatusException;
import software.amazon.awssdk.services.codedeploy.model.InvalidRevisionException;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.codedeploy.model.RevisionRequiredException;

/** Calls CodeDeploy refuses, with its error codes; a refused call changes nothing. */
class RefusalsTest {

    private final CodeDeployFixture fixture = new CodeDeployFixture();

    @Test
    void secondDeploymentWhileOneIsActive_isRefusedWithAwsMessage() {
        fixture.group();
        String first = fixture.deploy(CodeDeployFixture.appSpec());

        assertThatThrownBy(() -> fixture.deploy(CodeDeployFixture.appSpec()))
                .isInstanceOfSatisfying(DeploymentLimitExceededException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DeploymentLimitExceededException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Deployment Group '"
                            + CodeDeployFixture.GROUP + "' already has an active Deployment '" + first + "'");
                });
        assertThat(deploymentsOfGroup()).containsExactly(first);

        fixture.runFor(Duration.ofMinutes(11));
        assertThat(fixture.info(first).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(fixture.deploy(CodeDeployFixture.appSpec())).isNotEqualTo(first);
    }

    static Stream<Arguments> invalidAppSpecs() {
        String properties = "\"LoadBalancerInfo\": {\"ContainerName\": \"web\", \"ContainerPort\": 8080}";
        return Stream.of(
                Arguments.of("not JSON or YAML", "{\"Resources\": ["),
                Arguments.of("no Resources", "{\"version\": 0.0}"),
                Arguments.of("not an ECS service", resources("AWS::Lambda::Function", "\"TaskDefinition\": \"td\", " + properties)),
                Arguments.of("no TaskDefinition", resources("AWS::ECS::Service", properties)),
                Arguments.of("no ContainerName", resources("AWS::ECS::Service",
                        "\"TaskDefinition\": \"td\", \"LoadBalancerInfo\": {\"ContainerPort\": 8080}")),
                Arguments.of("port out of range", resources("AWS::ECS::Service",
                        "\"TaskDefinition\": \"td\", \"LoadBalancerInfo\": {\"ContainerName\": \"web\", \"ContainerPort\": 70000}")),
                Arguments.of("hook on a non-hookable event", CodeDeployFixture.appSpec("AllowTraffic", "fn")),
                Arguments.of("unknown hook event", CodeDeployFixture.appSpec("ValidateService", "fn")),
                Arguments.of("hook given twice", CodeDeployFixture.appSpec("AfterInstall", "a", "AfterInstall", "b")));
    }

    private static String resources(String type, String properties) {
        return "{\"Resources\": [{\"TargetService\": {\"Type\": \"" + type + "\", \"Properties\": {" + properties + "}}}]}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAppSpecs")
    void invalidAppSpec_isRefusedAndNothingIsDeployed(String problem, String appSpec) {
        fixture.group();

        assertThatThrownBy(() -> fixture.deploy(appSpec)).isInstanceOfSatisfying(InvalidRevisionException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRevisionException"));

        assertThat(deploymentsOfGroup()).isEmpty();
        fixture.runFor(Duration.ofMinutes(1));
        assertThat(fixture.rerouting.calls).isEmpty();
    }

    @Test
    void deploymentWithoutRevision_isRefused() {
        fixture.group();
        assertThatThrownBy(() -> fixture.client.createDeployment(b -> b.applicationName(CodeDeployFixture.APP)
                .deploymentGroupName(CodeDeployFixture.GROUP))).isInstanceOf(RevisionRequiredException.class);
        assertThat(deploymentsOfGroup()).isEmpty();
    }

    @Test
    void deploymentToUnknownApplicationGroupOrConfig_isRefused() {
        fixture.group();
        String appSpec = CodeDeployFixture.appSpec();
        assertThatThrownBy(() -> fixture.client.createDeployment(b -> b.applicationName("nope")
                .deploymentGroupName(CodeDeployFixture.GROUP).revision(revision(appSpec))))
                .isInstanceOf(ApplicationDoesNotExistException.class);
        assertThatThrownBy(() -> fixture.client.createDeployment(b -> b.applicationName(CodeDeployFixture.APP)
                .deploymentGroupName("nope").revision(revision(appSpec))))
                .isInstanceOfSatisfying(DeploymentGroupDoesNotExistException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No Deployment Group found for name: nope"));
        assertThatThrownBy(() -> fixture.client.createDeployment(b -> b.applicationName(CodeDeployFixture.APP)
                .deploymentGroupName(CodeDeployFixture.GROUP).deploymentConfigName("CodeDeployDefault.Nope")
                .revision(revision(appSpec))))
                .isInstanceOf(DeploymentConfigDoesNotExistException.class);

        assertThat(fixture.client.listDeployments(b -> { }).deployments()).isEmpty();
    }

    @Test
    void deploymentConfigOnAComputePlatformCodeDeployDoesNotHave_isInvalid() {
        assertThatThrownBy(() -> fixture.client.createDeploymentConfig(b -> b.deploymentConfigName("Mainframe.AllAtOnce")
                .computePlatform("Mainframe")))
                .isInstanceOfSatisfying(InvalidComputePlatformException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidComputePlatformException"));
        assertThatThrownBy(() -> fixture.client.createApplication(b -> b.applicationName("mainframe")
                .computePlatform("Mainframe"))).isInstanceOf(InvalidComputePlatformException.class);

        assertThatThrownBy(() -> fixture.client.getDeploymentConfig(b -> b.deploymentConfigName("Mainframe.AllAtOnce")))
                .isInstanceOf(DeploymentConfigDoesNotExistException.class);
    }

    private static Consumer<software.amazon.awssdk.services.codedeploy.model.RevisionLocation.Builder> revision(
            String appSpec) {
        return r -> r.revisionType(RevisionLocationType.APP_SPEC_CONTENT).appSpecContent(c -> c.content(appSpec));
    }

    @ParameterizedTest
    @ValueSource(strings = {"d-123", "x-ABCDEFGHI", "d-abcdefghi"})
    void malformedDeploymentId_isInvalid(String id) {
        assertThatThrownBy(() -> fixture.info(id)).isInstanceOf(InvalidDeploymentIdException.class);
    }

    @Test
    void unknownDeploymentId_doesNotExist() {
        assertThatThrownBy(() -> fixture.info("d-ABCDEFGHI")).isInstanceOf(DeploymentDoesNotExistException.class);
    }

    @Test
    void targetsOfADeploymentNotYetStarted_areRefused() {
        fixture.group();
        String id = fixture.deploy(CodeDeployFixture.appSpec());
        assertThatThrownBy(() -> fixture.client.listDeploymentTargets(b -> b.deploymentId(id)))
                .isInstanceOf(DeploymentNotStartedException.class);
        fixture.runFor(Duration.ZERO);
        assertThat(fixture.client.listDeploymentTargets(b -> b.deploymentId(id)).targetIds())
                .containsExactly(CodeDeployFixture.TARGET_ID);
    }

    @Test
    void hookStatusForUnknownExecutionOrWithAnInvalidStatus_isRefused() {
        fixture.group();
        String id = fixture.deploy(CodeDeployFixture.appSpec("BeforeInstall", "check"));
        fixture.runFor(Duration.ofSeconds(1));
        String execution = fixture.hooks.invocations.get(0).executionId();

        assertThatThrownBy(() -> fixture.client.putLifecycleEventHookExecutionStatus(b -> b.deploymentId(id)
                .lifecycleEventHookExecutionId("not-an-execution").status(LifecycleEventStatus.SUCCEEDED)))
                .isInstanceOf(InvalidLifecycleEventHookExecutionIdException.class);
        assertThatThrownBy(() -> fixture.client.putLifecycleEventHookExecutionStatus(b -> b.deploymentId(id)
                .lifecycleEventHookExecutionId(execution).status(LifecycleEventStatus.SKIPPED)))
                .isInstanceOf(InvalidLifecycleEventHookExecutionStatusException.class);

        assertThat(fixture.event(id, "BeforeInstall").status()).isEqualTo(LifecycleEventStatus.IN_PROGRESS);
    }

    static Stream<Arguments> invalidGroups() {
        return Stream.<Arguments>of(
                invalid("RoleRequiredException", g -> g.serviceRoleArn(null)),
                invalid("InvalidDeploymentStyleException", g -> g.deploymentStyle(s -> s.deploymentType(DeploymentType.IN_PLACE))),
                invalid("InvalidECSServiceException", g -> g.ecsServices(java.util.List.of())),
                invalid("InvalidLoadBalancerInfoException", g -> g.loadBalancerInfo(l -> { })),
                invalid("InvalidTargetGroupPairException", g -> g.loadBalancerInfo(l -> l.targetGroupPairInfoList(p -> p
                        .targetGroups(t -> t.name("tg-blue")).prodTrafficRoute(r -> r.listenerArns("prod"))))),
                invalid("InvalidBlueGreenDeploymentConfigurationException", g -> g.blueGreenDeploymentConfiguration(bg -> bg
                        .terminateBlueInstancesOnDeploymentSuccess(t -> t.terminationWaitTimeInMinutes(2881)))),
                invalid("InvalidAutoRollbackConfigException", g -> g.autoRollbackConfiguration(r -> r.enabled(true))),
                invalid("InvalidAlarmConfigException", g -> g.alarmConfiguration(a -> a.enabled(true))),
                invalid("InvalidAlarmConfigException", g -> g.alarmConfiguration(a -> a.enabled(true)
                        .alarms(x -> x.name("a"), x -> x.name("a")))),
                invalid("AlarmsLimitExceededException", g -> g.alarmConfiguration(a -> a.enabled(true)
                        .alarms(IntStream.range(0, 11).mapToObj(i -> Alarm.builder().name("a" + i).build()).toList()))),
                invalid("DeploymentConfigDoesNotExistException", g -> g.deploymentConfigName("Custom.Nope")),
                invalid("ApplicationDoesNotExistException", g -> g.applicationName("nope")));
    }

    private static Arguments invalid(String errorCode, Consumer<CreateDeploymentGroupRequest.Builder> change) {
        return Arguments.of(errorCode, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidGroups")
    void invalidDeploymentGroup_isRefusedAndNotCreated(String errorCode,
            Consumer<CreateDeploymentGroupRequest.Builder> change) {
        assertThatThrownBy(() -> fixture.group(change)).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode));
        assertThatThrownBy(() -> fixture.client.getDeploymentGroup(b -> b.applicationName(CodeDeployFixture.APP)
                .deploymentGroupName(CodeDeployFixture.GROUP))).isInstanceOf(DeploymentGroupDoesNotExistException.class);
    }

    private java.util.List<String> deploymentsOfGroup() {
        return fixture.client.listDeployments(b -> b.applicationName(CodeDeployFixture.APP)
                .deploymentGroupName(CodeDeployFixture.GROUP)).deployments();
    }
}
