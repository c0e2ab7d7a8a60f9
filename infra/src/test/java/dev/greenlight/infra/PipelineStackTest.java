package dev.greenlight.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.steps.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class PipelineStackTest {

    private static final Set<String> LOGS = Set.of("logs:CreateLogStream", "logs:PutLogEvents");

    private static Template template() {
        return Synthesis.of(Synthesis.TWO_SERVICES).pipeline();
    }

    @Test
    void oneFunctionPerWorker_andOneLiveAliasEach() {
        template().resourceCountIs("AWS::Lambda::Function", Step.values().length);
        template().resourceCountIs("AWS::Lambda::Alias", Step.values().length);
        template().resourceCountIs("AWS::StepFunctions::StateMachine", 1);
        template().resourceCountIs("AWS::SNS::Topic", 1);
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void everyWorker_runsJava21OnArm64WithSnapStartAndFastJvmStart(Step worker) {
        template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", worker.handler(),
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")))));
        String functionId = Templates.function(template(), worker.handler()).getKey();
        template().hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live",
                "FunctionName", Map.of("Ref", functionId)));
    }

    static Stream<Arguments> permissions() {
        return Stream.of(
                Arguments.of(Step.TRIGGER, Set.of("states:StartExecution", "states:DescribeExecution")),
                Arguments.of(Step.VERIFY_IMAGE, Set.of("ecr:DescribeRepositories", "ecr:DescribeImages",
                        "ecr:DescribeImageScanFindings", "ecr:StartImageScan", "ecr:BatchGetImage",
                        "ecr:GetDownloadUrlForLayer", "ecs:DescribeServices", "ecs:DescribeTaskDefinition")),
                Arguments.of(Step.PREFLIGHT, Set.of("ecr:DescribeImages", "cloudwatch:DescribeAlarms",
                        "codedeploy:ListDeployments", "codedeploy:GetDeployment", "codedeploy:GetDeploymentGroup",
                        "elasticloadbalancing:DescribeListeners")),
                Arguments.of(Step.REGISTER_TASK_DEFINITION, Set.of("ecs:DescribeServices",
                        "ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition", "ecs:TagResource",
                        "iam:PassRole")),
                Arguments.of(Step.START_DEPLOYMENT, Set.of("codedeploy:CreateDeployment",
                        "codedeploy:ListDeployments", "codedeploy:GetDeployment", "codedeploy:CreateDeploymentConfig",
                        "codedeploy:GetDeploymentConfig", "codedeploy:RegisterApplicationRevision")),
                Arguments.of(Step.SMOKE_TEST_HOOK, Set.of("codedeploy:PutLifecycleEventHookExecutionStatus",
                        "codedeploy:GetDeployment", "ecs:TagResource")),
                Arguments.of(Step.WATCH_DEPLOYMENT, Set.of("codedeploy:GetDeployment", "cloudwatch:DescribeAlarms",
                        "cloudwatch:DescribeAlarmHistory", "codedeploy:ListDeploymentTargets",
                        "codedeploy:GetDeploymentTarget", "codedeploy:GetDeploymentGroup", "cloudwatch:GetMetricData",
                        "elasticloadbalancing:DescribeTargetGroups", "ecs:DescribeTaskDefinition")),
                Arguments.of(Step.REQUEST_APPROVAL, Set.of("sns:Publish")),
                Arguments.of(Step.PROMOTE, Set.of("codedeploy:ContinueDeployment", "codedeploy:GetDeployment")),
                Arguments.of(Step.ROLLBACK, Set.of("codedeploy:StopDeployment", "codedeploy:GetDeployment",
                        "codedeploy:CreateDeployment", "codedeploy:GetDeploymentConfig",
                        "codedeploy:RegisterApplicationRevision")),
                Arguments.of(Step.NOTIFY, Set.of("events:PutEvents", "sns:Publish")),
                Arguments.of(Step.DRIVE_SYNTHETIC_LOAD, Set.of()),
                Arguments.of(Step.STOP_ON_ALARM, Set.of("codedeploy:ListDeployments", "codedeploy:GetDeployment",
                        "codedeploy:StopDeployment")),
                // No service is deployed by ECS here: the hook's role allows nothing but its logs.
                Arguments.of(Step.ECS_LIFECYCLE_HOOK, Set.of()));
    }

    @ParameterizedTest
    @MethodSource("permissions")
    void eachWorkersRole_allowsOnlyTheCallsItMakes_plusWritingItsOwnLogs(Step worker, Set<String> calls) {
        JsonNode function = Templates.function(template(), worker.handler()).getValue();
        String roleId = Templates.target(function.path("Properties").path("Role"));
        TreeSet<String> expected = new TreeSet<>(calls);
        expected.addAll(LOGS);
        assertThat(Templates.actions(Templates.statementsOfRole(template(), roleId))).isEqualTo(expected);
        // One role per worker, the state machine's, and the one ECS invokes the lifecycle hook with.
        template().resourceCountIs("AWS::IAM::Role", Step.values().length + 2);
    }

    /** With one service on ECS, the ECS calls join the CodeDeploy ones, on that service's resources only. */
    static Stream<Arguments> ecsPermissions() {
        return Stream.of(
                Arguments.of(Step.START_DEPLOYMENT, Set.of("ecs:UpdateService", "ecs:ListServiceDeployments",
                        "ecs:DescribeServiceDeployments", "ecs:DescribeServiceRevisions", "iam:PassRole")),
                Arguments.of(Step.PROMOTE, Set.of("ecs:DescribeServiceDeployments", "ecs:DescribeServiceRevisions",
                        "ecs:TagResource")),
                Arguments.of(Step.ROLLBACK, Set.of("ecs:UpdateService", "ecs:ListServiceDeployments",
                        "ecs:DescribeServiceDeployments", "ecs:StopServiceDeployment")),
                Arguments.of(Step.ECS_LIFECYCLE_HOOK, Set.of("ecs:ListServiceDeployments",
                        "ecs:DescribeServiceDeployments", "ecs:DescribeServiceRevisions", "ecs:ListTagsForResource",
                        "ecs:TagResource")));
    }

    @ParameterizedTest
    @MethodSource("ecsPermissions")
    void aServiceOnEcs_addsTheEcsCallsToTheWorkersThatMakeThem(Step worker, Set<String> ecsCalls) {
        Template template = Synthesis.of(Synthesis.ONE_ON_ECS).pipeline();
        JsonNode function = Templates.function(template, worker.handler()).getValue();
        String roleId = Templates.target(function.path("Properties").path("Role"));
        List<JsonNode> statements = Templates.statementsOfRole(template, roleId);

        assertThat(Templates.actions(statements)).containsAll(ecsCalls);
        assertThat(statements.toString()).as("orders is deployed by CodeDeploy")
                .doesNotContain(":service-deployment/greenlight/orders");
        if (worker == Step.START_DEPLOYMENT) {
            assertThat(statements.toString()).contains("\"iam:PassedToService\":\"ecs.amazonaws.com\"")
                    .contains(":service/prod/payments-api");
        }
    }

    /**
     * Every service on ECS, one still carrying its {@code codeDeploy} block from before a migration: no
     * worker is granted a CodeDeploy call, nor DescribeListeners (CodeDeploy's production listeners).
     */
    @Test
    void everyServiceOnEcs_grantsNoWorkerACodeDeployCall_evenWithACodeDeployBlockLeftInTheConfig() {
        Template template = Synthesis.synthesize(Synthesis.inputs(
                Path.of("src/test/resources/twin-scenarios-ecs.json").toAbsolutePath(), null)).pipeline();
        for (Step worker : Step.values()) {
            JsonNode function = Templates.function(template, worker.handler()).getValue();
            List<JsonNode> statements = Templates.statementsOfRole(template,
                    Templates.target(function.path("Properties").path("Role")));
            assertThat(Templates.actions(statements)).as(worker.id())
                    .noneMatch(action -> action.startsWith("codedeploy:"))
                    .doesNotContain("elasticloadbalancing:DescribeListeners");
            assertThat(statements.toString()).as(worker.id()).doesNotContain(":deploymentgroup:", ":deploymentconfig:",
                    ":application:");
        }
    }

    @Test
    void workersReachOnlyTheConfiguredServicesResources() {
        String policies = Templates.resources(template(), "AWS::IAM::Policy").toString();
        assertThat(policies)
                .contains(":repository/orders\"", ":repository/team/payments\"")
                .contains(":service/greenlight/orders\"", ":service/prod/payments-api\"")
                .contains(":deploymentgroup:orders/orders-dg\"", ":deploymentgroup:payments/payments-bg\"")
                .contains(":deploymentconfig:Greenlight.Canary10Percent15Minutes\"",
                        ":deploymentconfig:Greenlight.Canary25Percent30Minutes\"",
                        ":deploymentconfig:CodeDeployDefault.ECSAllAtOnce\"")
                .contains(":alarm:orders-blue-5xx\"", ":alarm:payments-5xx\"")
                .contains(":event-bus/default\"", ":event-bus/releases\"")
                .contains("arn:aws:sns:eu-west-1:111122223333:payments-releases");
    }

    @Test
    void theSmokeHook_tagsOnlyTaskDefinitions_andOnlyWithItsOwnTagKeys() {
        JsonNode function = Templates.function(template(), Step.SMOKE_TEST_HOOK.handler()).getValue();
        String roleId = Templates.target(function.path("Properties").path("Role"));
        JsonNode tagging = Templates.statementsOfRole(template(), roleId).stream()
                .filter(statement -> statement.path("Action").toString().contains("ecs:TagResource"))
                .findFirst().orElseThrow();
        assertThat(tagging.path("Resource").toString()).contains(":task-definition/*");
        assertThat(tagging.path("Condition").path("ForAllValues:StringLike").path("aws:TagKeys").asText())
                .isEqualTo("greenlight:smoke*");
    }

    @Test
    void noStatementInEitherStack_allowsEveryAction() {
        Synthesis.Synthesized app = Synthesis.of(Synthesis.TWO_SERVICES);
        for (Template template : List.of(app.pipeline(), app.demo())) {
            for (var policy : Templates.resources(template, "AWS::IAM::Policy")) {
                List<JsonNode> statements = List.copyOf(
                        Templates.JSON.convertValue(policy.getValue().path("Properties").path("PolicyDocument")
                                .path("Statement"), List.class).stream().map(Templates.JSON::valueToTree).toList());
                assertThat(Templates.actions(statements)).as(policy.getKey())
                        .allSatisfy(action -> assertThat(action).doesNotContain("*"));
            }
        }
    }

    @Test
    void theTriggerAndTheSmokeHook_readTheConfigurationFile_withTheStacksTopicWhereAServiceNamesNone() {
        String topicId = Templates.resources(template(), "AWS::SNS::Topic").get(0).getKey();
        String topicArn = "arn:aws:sns:us-east-1:123456789012:Greenlight-Topic";
        for (Step worker : List.of(Step.TRIGGER, Step.SMOKE_TEST_HOOK)) {
            JsonNode env = Templates.function(template(), worker.handler()).getValue().path("Properties")
                    .path("Environment").path("Variables");
            String config = Templates.resolve(env.path("GREENLIGHT_CONFIG"), Map.of(topicId, topicArn));
            assertThat(config).doesNotContain("\n");
            GreenlightConfig loaded = ConfigLoader.parse(config);
            assertThat(loaded.service("orders").notifications().topicArn()).isEqualTo(topicArn);
            assertThat(loaded.service("payments").notifications().topicArn())
                    .isEqualTo("arn:aws:sns:eu-west-1:111122223333:payments-releases");
            assertThat(loaded.service("payments").approval().mode()).isEqualTo(ServiceConfig.ApprovalMode.manual);
        }
        JsonNode trigger = Templates.function(template(), Step.TRIGGER.handler()).getValue();
        assertThat(Templates.resources(template(), "AWS::StepFunctions::StateMachine").get(0).getKey())
                .isEqualTo(trigger.path("Properties").path("Environment").path("Variables")
                        .path("STATE_MACHINE_ARN").path("Ref").asText());
    }

    @Test
    void theSmokeHook_isNamedForCodeDeploysManagedRole_andStartDeploymentNamesItsLiveAlias() {
        JsonNode hook = Templates.function(template(), Step.SMOKE_TEST_HOOK.handler()).getValue();
        assertThat(hook.path("Properties").path("FunctionName").asText())
                .isEqualTo(PipelineStack.SMOKE_TEST_FUNCTION_NAME).startsWith("CodeDeployHook_");
        JsonNode start = Templates.function(template(), Step.START_DEPLOYMENT.handler()).getValue();
        String hookAlias = start.path("Properties").path("Environment").path("Variables").path("SMOKE_TEST_FUNCTION")
                .path("Ref").asText();
        String hookId = Templates.function(template(), Step.SMOKE_TEST_HOOK.handler()).getKey();
        assertThat(Templates.json(template()).path("Resources").path(hookAlias).path("Properties")
                .path("FunctionName").path("Ref").asText()).isEqualTo(hookId);
    }

    @Test
    void theStateMachinesRole_invokesTheLiveAliases_tracesAndLogs_andNothingElse() {
        String machineRole = Templates.target(Templates.resources(template(), "AWS::StepFunctions::StateMachine")
                .get(0).getValue().path("Properties").path("RoleArn"));
        List<JsonNode> statements = Templates.statementsOfRole(template(), machineRole);
        assertThat(Templates.actions(statements)).allSatisfy(action -> assertThat(action)
                .matches("lambda:InvokeFunction|xray:.*|logs:.*"));
        String invoked = statements.stream().filter(st -> st.path("Action").toString().contains("lambda:Invoke"))
                .map(st -> st.path("Resource").toString()).reduce("", String::concat);
        for (var alias : Templates.resources(template(), "AWS::Lambda::Alias")) {
            String function = alias.getValue().path("Properties").path("FunctionName").path("Ref").asText();
            boolean calledByMachine = Step.calledByStateMachine().stream()
                    .anyMatch(worker -> Templates.function(template(), worker.handler()).getKey().equals(function));
            assertThat(invoked.contains("\"" + alias.getKey() + "\"")).as(alias.getKey()).isEqualTo(calledByMachine);
        }
    }

    static Stream<Arguments> services() {
        return Stream.of(Arguments.of("orders", "orders"), Arguments.of("payments", "team/payments"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void aPushedImageOfEachConfiguredService_invokesTheTrigger(String service, String repository) {
        template().resourceCountIs("AWS::Events::Rule", 4);
        String triggerAlias = Templates.resources(template(), "AWS::Lambda::Alias").stream()
                .filter(a -> Templates.target(a.getValue().path("Properties").path("FunctionName"))
                        .equals(Templates.function(template(), Step.TRIGGER.handler()).getKey()))
                .findFirst().orElseThrow().getKey();
        template().hasResourceProperties("AWS::Events::Rule", Map.of(
                "EventPattern", Map.of(
                        "source", List.of("aws.ecr"),
                        "detail-type", List.of("ECR Image Action"),
                        "detail", Map.of("action-type", List.of("PUSH"), "result", List.of("SUCCESS"),
                                "repository-name", List.of(repository))),
                "State", "ENABLED",
                "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Ref", triggerAlias),
                        "RetryPolicy", Match.objectLike(Map.of("MaximumRetryAttempts", 8)))))));
        assertThat(service).isNotBlank();
        template().hasResourceProperties("AWS::Lambda::Permission", Map.of("Action", "lambda:InvokeFunction",
                "Principal", "events.amazonaws.com", "FunctionName", Map.of("Ref", triggerAlias)));
    }

    static Stream<Arguments> alarms() {
        return Stream.of(Arguments.of(List.of("orders-blue-5xx", "orders-blue-latency", "orders-green-5xx",
                "orders-green-latency")), Arguments.of(List.of("payments-5xx")));
    }

    @ParameterizedTest
    @MethodSource("alarms")
    void eachServicesAlarmsGoingToAlarm_invokeStopOnAlarmAtOnce(List<String> alarms) {
        String alias = Templates.resources(template(), "AWS::Lambda::Alias").stream()
                .filter(a -> Templates.target(a.getValue().path("Properties").path("FunctionName"))
                        .equals(Templates.function(template(), Step.STOP_ON_ALARM.handler()).getKey()))
                .findFirst().orElseThrow().getKey();
        template().hasResourceProperties("AWS::Events::Rule", Map.of(
                "EventPattern", Map.of(
                        "source", List.of("aws.cloudwatch"),
                        "detail-type", List.of("CloudWatch Alarm State Change"),
                        "detail", Map.of("alarmName", alarms, "state", Map.of("value", List.of("ALARM")))),
                "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Ref", alias),
                        "RetryPolicy", Match.objectLike(Map.of("MaximumEventAgeInSeconds", 300)))))));
        JsonNode function = Templates.function(template(), Step.STOP_ON_ALARM.handler()).getValue();
        assertThat(function.path("Properties").path("Environment").path("Variables").has("GREENLIGHT_CONFIG"))
                .isTrue();
    }

    @Test
    void theStateMachine_logsEverythingWithExecutionData_andIsTraced() {
        template().hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "LoggingConfiguration", Map.of("Level", "ALL", "IncludeExecutionData", true,
                        "Destinations", List.of(Match.objectLike(Map.of())) ),
                "TracingConfiguration", Map.of("Enabled", true)));
    }

    @Test
    void theTopic_isEncrypted_andRefusesPlainHttp() {
        template().hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId",
                Match.objectLike(Map.of())));
        template().hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                List.of(Match.objectLike(Map.of("Effect", "Deny", "Condition",
                        Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))));
    }
}
