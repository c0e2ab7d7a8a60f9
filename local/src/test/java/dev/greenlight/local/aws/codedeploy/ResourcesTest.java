package dev.greenlight.local.aws.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.codedeploy.model.ApplicationAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.InvalidAlarmConfigException;
import software.amazon.awssdk.services.codedeploy.model.InvalidTrafficRoutingConfigurationException;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoutingType;

/** Applications, deployment groups and deployment configurations: created, read back, updated. */
class ResourcesTest {

    private final CodeDeployFixture fixture = new CodeDeployFixture();

    @Test
    void applications_areReadBackAndListedByName() {
        fixture.client.createApplication(b -> b.applicationName("api").computePlatform(ComputePlatform.ECS));

        assertThat(fixture.client.getApplication(b -> b.applicationName("api")).application().computePlatform())
                .isEqualTo(ComputePlatform.ECS);
        assertThat(fixture.client.listApplications(b -> { }).applications()).containsExactly("api", "web");
        assertThatThrownBy(() -> fixture.client.createApplication(b -> b.applicationName("api")
                .computePlatform(ComputePlatform.ECS))).isInstanceOf(ApplicationAlreadyExistsException.class);
    }

    @Test
    void otherComputePlatforms_areNotModelled() {
        assertThatThrownBy(() -> fixture.client.createApplication(b -> b.applicationName("ec2")
                .computePlatform(ComputePlatform.SERVER))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void deploymentGroup_isReadBackAsCreated() {
        fixture.group();

        DeploymentGroupInfo info = fixture.client.getDeploymentGroup(b -> b.applicationName(CodeDeployFixture.APP)
                .deploymentGroupName(CodeDeployFixture.GROUP)).deploymentGroupInfo();

        assertThat(info.computePlatform()).isEqualTo(ComputePlatform.ECS);
        assertThat(info.deploymentConfigName()).isEqualTo("CodeDeployDefault.ECSCanary10Percent5Minutes");
        assertThat(info.ecsServices().get(0).serviceName()).isEqualTo("web");
        assertThat(info.loadBalancerInfo().targetGroupPairInfoList().get(0).prodTrafficRoute().listenerArns())
                .containsExactly(CodeDeployFixture.PROD_LISTENER);
        assertThat(info.blueGreenDeploymentConfiguration().terminateBlueInstancesOnDeploymentSuccess()
                .terminationWaitTimeInMinutes()).isEqualTo(5);
        assertThat(info.alarmConfiguration().alarms()).extracting(a -> a.name()).containsExactly(CodeDeployFixture.ALARM);
    }

    @Test
    void updateDeploymentGroup_changesOnlyWhatIsGivenAndCanRename() {
        fixture.group();

        fixture.client.updateDeploymentGroup(b -> b.applicationName(CodeDeployFixture.APP)
                .currentDeploymentGroupName(CodeDeployFixture.GROUP).newDeploymentGroupName("renamed")
                .deploymentConfigName("CodeDeployDefault.ECSAllAtOnce")
                .autoRollbackConfiguration(r -> r.enabled(true).events(AutoRollbackEvent.DEPLOYMENT_STOP_ON_REQUEST)));

        DeploymentGroupInfo info = fixture.client.getDeploymentGroup(b -> b.applicationName(CodeDeployFixture.APP)
                .deploymentGroupName("renamed")).deploymentGroupInfo();
        assertThat(info.deploymentConfigName()).isEqualTo("CodeDeployDefault.ECSAllAtOnce");
        assertThat(info.autoRollbackConfiguration().events()).containsExactly(AutoRollbackEvent.DEPLOYMENT_STOP_ON_REQUEST);
        assertThat(info.alarmConfiguration().alarms()).hasSize(1);
        assertThatThrownBy(() -> fixture.client.getDeploymentGroup(b -> b.applicationName(CodeDeployFixture.APP)
                .deploymentGroupName(CodeDeployFixture.GROUP))).isInstanceOf(DeploymentGroupDoesNotExistException.class);
    }

    @Test
    void refusedUpdate_leavesTheGroupAsItWas() {
        fixture.group();

        assertThatThrownBy(() -> fixture.client.updateDeploymentGroup(b -> b.applicationName(CodeDeployFixture.APP)
                .currentDeploymentGroupName(CodeDeployFixture.GROUP).newDeploymentGroupName("renamed")
                .alarmConfiguration(a -> a.enabled(true)))).isInstanceOf(InvalidAlarmConfigException.class);

        assertThat(fixture.client.getDeploymentGroup(b -> b.applicationName(CodeDeployFixture.APP)
                .deploymentGroupName(CodeDeployFixture.GROUP)).deploymentGroupInfo().alarmConfiguration().enabled())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "CodeDeployDefault.ECSAllAtOnce, ALL_AT_ONCE, , ",
            "CodeDeployDefault.ECSCanary10Percent5Minutes, TIME_BASED_CANARY, 10, 5",
            "CodeDeployDefault.ECSCanary10Percent15Minutes, TIME_BASED_CANARY, 10, 15",
            "CodeDeployDefault.ECSLinear10PercentEvery1Minutes, TIME_BASED_LINEAR, 10, 1",
            "CodeDeployDefault.ECSLinear10PercentEvery3Minutes, TIME_BASED_LINEAR, 10, 3"})
    void predefinedConfigs_areThereFromTheStart(String name, TrafficRoutingType type, Integer percent, Integer minutes) {
        DeploymentConfigInfo info = fixture.client.getDeploymentConfig(b -> b.deploymentConfigName(name))
                .deploymentConfigInfo();

        assertThat(info.computePlatform()).isEqualTo(ComputePlatform.ECS);
        assertThat(info.trafficRoutingConfig().type()).isEqualTo(type);
        if (type == TrafficRoutingType.TIME_BASED_CANARY) {
            assertThat(info.trafficRoutingConfig().timeBasedCanary().canaryPercentage()).isEqualTo(percent);
            assertThat(info.trafficRoutingConfig().timeBasedCanary().canaryInterval()).isEqualTo(minutes);
        } else if (type == TrafficRoutingType.TIME_BASED_LINEAR) {
            assertThat(info.trafficRoutingConfig().timeBasedLinear().linearPercentage()).isEqualTo(percent);
            assertThat(info.trafficRoutingConfig().timeBasedLinear().linearInterval()).isEqualTo(minutes);
        }
    }

    @Test
    void customCanaryConfig_isReadBackAndDrivesADeployment() {
        fixture.client.createDeploymentConfig(b -> b.deploymentConfigName("Canary25For2").computePlatform(ComputePlatform.ECS)
                .trafficRoutingConfig(t -> t.type(TrafficRoutingType.TIME_BASED_CANARY)
                        .timeBasedCanary(c -> c.canaryPercentage(25).canaryInterval(2))));

        assertThat(fixture.client.getDeploymentConfig(b -> b.deploymentConfigName("Canary25For2"))
                .deploymentConfigInfo().trafficRoutingConfig().timeBasedCanary().canaryPercentage()).isEqualTo(25);
        assertThatThrownBy(() -> fixture.client.createDeploymentConfig(b -> b.deploymentConfigName("Canary25For2")
                .computePlatform(ComputePlatform.ECS))).isInstanceOf(DeploymentConfigAlreadyExistsException.class);

        fixture.group(g -> g.deploymentConfigName("Canary25For2"));
        fixture.deploy(CodeDeployFixture.appSpec());
        fixture.runFor(Duration.ofSeconds(1));
        assertThat(fixture.rerouting.greenPercent()).isEqualTo(25);
        fixture.runFor(Duration.ofMinutes(2));
        assertThat(fixture.rerouting.greenPercent()).isEqualTo(100);
    }

    @ParameterizedTest
    @CsvSource({"TIME_BASED_CANARY, 0, 5", "TIME_BASED_CANARY, 100, 5", "TIME_BASED_LINEAR, 10, 0"})
    void customConfigOutOfRange_isRefused(TrafficRoutingType type, int percent, int minutes) {
        assertThatThrownBy(() -> fixture.client.createDeploymentConfig(b -> b.deploymentConfigName("Bad")
                .computePlatform(ComputePlatform.ECS)
                .trafficRoutingConfig(t -> t.type(type)
                        .timeBasedCanary(c -> c.canaryPercentage(percent).canaryInterval(minutes))
                        .timeBasedLinear(l -> l.linearPercentage(percent).linearInterval(minutes)))))
                .isInstanceOf(InvalidTrafficRoutingConfigurationException.class);
        assertThatThrownBy(() -> fixture.client.getDeploymentConfig(b -> b.deploymentConfigName("Bad")))
                .hasMessageContaining("No deployment configuration found for name: Bad");
    }
}
