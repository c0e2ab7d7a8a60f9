package dev.greenlight.local.aws.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSpecReaderTest {

    private static final String YAML = """
            version: 0.0
            Resources:
              - TargetService:
                  Type: AWS::ECS::Service
                  Properties:
                    TaskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2"
                    LoadBalancerInfo:
                      ContainerName: "web"
                      ContainerPort: 8080
                    PlatformVersion: "LATEST"
                    NetworkConfiguration:
                      AwsvpcConfiguration:
                        Subnets: ["subnet-1", "subnet-2"]
                        SecurityGroups: ["sg-1"]
                        AssignPublicIp: "DISABLED"
            Hooks:
              - BeforeInstall: "before-install"
              - AfterAllowTestTraffic: "arn:aws:lambda:us-east-1:123456789012:function:smoke"
            """;

    private static final String JSON = """
            {"version": 0.0,
             "Resources": [{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {
                "TaskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2",
                "LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": 8080},
                "PlatformVersion": "LATEST",
                "NetworkConfiguration": {"AwsvpcConfiguration": {
                   "Subnets": ["subnet-1", "subnet-2"], "SecurityGroups": ["sg-1"], "AssignPublicIp": "DISABLED"}}}}}],
             "Hooks": [{"BeforeInstall": "before-install"},
                       {"AfterAllowTestTraffic": "arn:aws:lambda:us-east-1:123456789012:function:smoke"}]}
            """;

    @Test
    void yamlAndJsonAppSpecs_readTheSame() {
        AppSpec expected = new AppSpec("arn:aws:ecs:us-east-1:123456789012:task-definition/web:2", "web", 8080,
                "LATEST", new ReplacementTaskSet.AwsVpcConfiguration(List.of("subnet-1", "subnet-2"), List.of("sg-1"),
                        "DISABLED"),
                Map.of(EcsLifecycleEvent.BEFORE_INSTALL, "before-install",
                        EcsLifecycleEvent.AFTER_ALLOW_TEST_TRAFFIC, "arn:aws:lambda:us-east-1:123456789012:function:smoke"));

        assertThat(AppSpecReader.read(YAML)).isEqualTo(expected);
        assertThat(AppSpecReader.read(JSON)).isEqualTo(expected);
    }

    @Test
    void replacementTaskSet_carriesTheAppSpecIntoTheOtherTargetGroup() {
        ReplacementTaskSet taskSet = AppSpecReader.read(YAML).replacementFor(new EcsServiceId("main", "web"), "tg-green");

        assertThat(taskSet.targetGroup()).isEqualTo("tg-green");
        assertThat(taskSet.containerPort()).isEqualTo(8080);
        assertThat(taskSet.network().subnets()).containsExactly("subnet-1", "subnet-2");
    }
}
