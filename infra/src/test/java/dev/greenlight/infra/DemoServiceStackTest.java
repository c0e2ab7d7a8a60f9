package dev.greenlight.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DemoServiceStackTest {

    private static Template template() {
        return Synthesis.of(Synthesis.EXAMPLE_CONFIG).demo();
    }

    @Test
    void theRepository_scansOnPush_andKeepsTagsImmutable() {
        template().hasResourceProperties("AWS::ECR::Repository", Map.of("RepositoryName", "orders",
                "ImageScanningConfiguration", Map.of("ScanOnPush", true), "ImageTagMutability", "IMMUTABLE"));
    }

    @Test
    void theService_runsOnFargateUnderTheCodeDeployController() {
        template().hasResourceProperties("AWS::ECS::Cluster", Map.of("ClusterName", "greenlight"));
        template().hasResourceProperties("AWS::ECS::Service", Map.of("ServiceName", "orders",
                "LaunchType", "FARGATE", "DesiredCount", 2,
                "DeploymentController", Map.of("Type", "CODE_DEPLOY")));
        template().hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions",
                List.of(Match.objectLike(Map.of("Name", "app", "Image", DemoServiceStack.INITIAL_IMAGE,
                        "PortMappings", List.of(Match.objectLike(Map.of("ContainerPort", 80))))))));
    }

    @Test
    void aServiceOnEcs_isEcsNativeBlueGreen_withTheAlternateTargetGroupAndBothRules_andNoCodeDeploy() {
        Template ecs = Synthesis.of(Synthesis.ORDERS_ON_ECS).demo();

        ecs.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of("ServiceName", "orders",
                "DeploymentController", Map.of("Type", "ECS"),
                "DeploymentConfiguration", Match.objectLike(Map.of("Strategy", "BLUE_GREEN")),
                "LoadBalancers", List.of(Match.objectLike(Map.of("ContainerName", "app",
                        "AdvancedConfiguration", Match.objectLike(Map.of(
                                "AlternateTargetGroupArn", Match.anyValue(),
                                "ProductionListenerRule", Match.anyValue(),
                                "TestListenerRule", Match.anyValue(),
                                "RoleArn", Match.anyValue()))))))));
        ecs.resourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 2);
        ecs.resourceCountIs("AWS::CodeDeploy::DeploymentGroup", 0);
        ecs.resourceCountIs("AWS::CodeDeploy::Application", 0);
    }

    @Test
    void theLoadBalancer_hasProductionAndTestListeners_andTwoTargetGroups() {
        template().resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 1);
        template().resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
        template().resourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 2);
        template().hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 80));
        template().hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of("Port", 8080));
        template().resourceCountIs("AWS::EC2::NatGateway", 0);
    }

    /** After a release the production listener forwards to green: both groups outlive both listeners on delete. */
    @Test
    void eachListener_dependsOnBothTargetGroups_soDestroyWorksAfterARelease() {
        Template template = template();
        List<String> groups = Templates.resources(template, "AWS::ElasticLoadBalancingV2::TargetGroup").stream()
                .map(Map.Entry::getKey).toList();
        assertThat(Templates.resources(template, "AWS::ElasticLoadBalancingV2::Listener")).hasSize(2)
                .allSatisfy(listener -> assertThat(listener.getValue().toString()).contains(groups));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders-blue-5xx", "orders-green-5xx", "orders-blue-latency", "orders-green-latency"})
    void eachTargetGroup_hasItsAlarm(String name) {
        template().resourceCountIs("AWS::CloudWatch::Alarm", 4);
        template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", name,
                "MetricName", name.endsWith("5xx") ? "HTTPCode_Target_5XX_Count" : "TargetResponseTime",
                "Namespace", "AWS/ApplicationELB", "TreatMissingData", "notBreaching"));
    }

    @Test
    void theDeploymentGroup_isBlueGreen_rollsBackOnFailureAndAlarm_andNamesTheAlarms() {
        template().hasResourceProperties("AWS::CodeDeploy::Application", Map.of("ApplicationName", "orders",
                "ComputePlatform", "ECS"));
        template().hasResourceProperties("AWS::CodeDeploy::DeploymentGroup", Map.of(
                "DeploymentGroupName", "orders-dg",
                "DeploymentStyle", Map.of("DeploymentOption", "WITH_TRAFFIC_CONTROL", "DeploymentType", "BLUE_GREEN"),
                "AutoRollbackConfiguration", Map.of("Enabled", true, "Events",
                        Match.arrayWith(List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"))),
                "AlarmConfiguration", Match.objectLike(Map.of("Enabled", true, "Alarms",
                        Match.arrayWith(List.of(Map.of("Name", Match.anyValue())))))));
    }

    @Test
    void aConfigurationThatDoesNotListTheDemoAlarms_failsSynthesis(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("greenlight.json");
        Files.writeString(config, Files.readString(Synthesis.EXAMPLE_CONFIG).replace("\"orders-green-latency\"",
                "\"orders-latency\""));
        AppInputs inputs = AppInputs.load(config, Synthesis.definitionFile(), Synthesis.placeholderJar(), "orders");
        assertThatThrownBy(() -> Greenlight.build(new App(), inputs))
                .hasMessageContaining("services.orders.alarms: the demo stack creates the alarms "
                        + "[orders-blue-5xx, orders-blue-latency, orders-green-5xx, orders-green-latency]");
    }
}
