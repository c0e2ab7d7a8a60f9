package dev.greenlight.workers.steps;

import static dev.greenlight.workers.config.ServiceConfig.Backend.codedeploy;
import static dev.greenlight.workers.config.ServiceConfig.Backend.ecs;
import static dev.greenlight.workers.steps.Grant.Scope.ALARMS;
import static dev.greenlight.workers.steps.Grant.Scope.ANY;
import static dev.greenlight.workers.steps.Grant.Scope.CANARY_DEPLOYMENT_CONFIGS;
import static dev.greenlight.workers.steps.Grant.Scope.CODEDEPLOY_APPLICATIONS;
import static dev.greenlight.workers.steps.Grant.Scope.CODEDEPLOY_DEPLOYMENT_GROUPS;
import static dev.greenlight.workers.steps.Grant.Scope.ECS_SERVICES;
import static dev.greenlight.workers.steps.Grant.Scope.ECS_SERVICE_DEPLOYMENTS;
import static dev.greenlight.workers.steps.Grant.Scope.ECS_SERVICE_REVISIONS;
import static dev.greenlight.workers.steps.Grant.Scope.EVENT_BUSES;
import static dev.greenlight.workers.steps.Grant.Scope.REDEPLOY_DEPLOYMENT_CONFIG;
import static dev.greenlight.workers.steps.Grant.Scope.REPOSITORIES;
import static dev.greenlight.workers.steps.Grant.Scope.STATE_MACHINE;
import static dev.greenlight.workers.steps.Grant.Scope.STATE_MACHINE_EXECUTIONS;
import static dev.greenlight.workers.steps.Grant.Scope.TASK_DEFINITIONS;
import static dev.greenlight.workers.steps.Grant.Scope.TOPICS;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The step catalogue: every Lambda worker of the pipeline, with what deploying it needs: its handler,
 * the definition substitution that names it in {@code pipeline.asl.json} (null for those the state
 * machine does not call), its function name on the local twin, its timeout, the settings it reads and
 * the IAM statements of the calls it makes. The CDK app, the definition's substitutions and the twin
 * all derive from this list, so a new step is one entry here.
 *
 * <p>CodeDeploy's StopDeployment, ContinueDeployment, PutLifecycleEventHookExecutionStatus,
 * ListDeploymentTargets and GetDeploymentTarget take a deployment's ID, and the Service Authorization
 * Reference gives them no resource type: AWS authorizes them on "*", so a statement naming the
 * deployment group's ARN does not allow them (the IAM-enforcing twin refused them). They are granted
 * on {@link Grant.Scope#ANY}, only when some service is deployed by CodeDeploy. The CodeDeploy scopes
 * name only the resources of services CodeDeploy deploys, so a service on ECS gets none of its grants.
 *
 * <p>CreateDeployment (StartDeployment, Rollback's redeploy) is granted with GetDeploymentConfig on the
 * configuration it names and RegisterApplicationRevision on the application: the Service Authorization
 * Reference lists no dependent actions for it, but AWS's own ECS deploy action
 * (aws-actions/amazon-ecs-deploy-task-definition) lists both among the minimal permissions of a CodeDeploy
 * deployment. GetApplicationRevision is not: no worker reads a registered revision.
 */
public enum Step {
    TRIGGER("trigger.Trigger", null, "greenlight-trigger", 30,
            Set.of(Setting.GREENLIGHT_CONFIG, Setting.STATE_MACHINE_ARN),
            Grant.on(STATE_MACHINE, "states:StartExecution"),
            // Asks whether a repeated push's execution already exists, under the state machine's executions.
            Grant.on(STATE_MACHINE_EXECUTIONS, "states:DescribeExecution")),
    VERIFY_IMAGE("verify.VerifyImage", "VerifyImageFunction", "greenlight-verify-image", 120, Set.of(),
            Grant.on(REPOSITORIES, "ecr:DescribeRepositories", "ecr:DescribeImages", "ecr:DescribeImageScanFindings",
                    "ecr:StartImageScan", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
            Grant.on(ECS_SERVICES, "ecs:DescribeServices"),
            Grant.on(ANY, "ecs:DescribeTaskDefinition")),
    PREFLIGHT("preflight.Preflight", "PreflightFunction", "greenlight-preflight", 60, Set.of(),
            Grant.on(REPOSITORIES, "ecr:DescribeImages"),
            Grant.on(ALARMS, "cloudwatch:DescribeAlarms"),
            Grant.on(CODEDEPLOY_DEPLOYMENT_GROUPS, "codedeploy:ListDeployments", "codedeploy:GetDeployment",
                    "codedeploy:GetDeploymentGroup"),
            // DescribeListeners supports no resource-level permissions: it reads the deployment group's listeners.
            Grant.on(ANY, "elasticloadbalancing:DescribeListeners").forBackend(codedeploy),
            Grant.on(ECS_SERVICES, "ecs:ListServiceDeployments", "ecs:DescribeServices").forBackend(ecs),
            Grant.on(ECS_SERVICE_DEPLOYMENTS, "ecs:DescribeServiceDeployments").forBackend(ecs),
            // DescribeRules supports no resource-level permissions: it reads the production listener rule.
            Grant.on(ANY, "elasticloadbalancing:DescribeRules").forBackend(ecs)),
    REGISTER_TASK_DEFINITION("taskdef.RegisterTaskDefinition", "RegisterTaskDefinitionFunction",
            "greenlight-register-task-definition", 60, Set.of(),
            Grant.on(ECS_SERVICES, "ecs:DescribeServices"),
            Grant.on(ANY, "ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition", "ecs:TagResource"),
            Grant.on(ANY, "iam:PassRole").when("StringEquals", "iam:PassedToService", "ecs-tasks.amazonaws.com")),
    START_DEPLOYMENT("deploy.StartDeployment", "StartDeploymentFunction", "greenlight-start-deployment", 60,
            Set.of(Setting.SMOKE_TEST_FUNCTION, Setting.ECS_HOOK_FUNCTION, Setting.ECS_HOOK_ROLE_ARN),
            Grant.on(CODEDEPLOY_DEPLOYMENT_GROUPS, "codedeploy:CreateDeployment", "codedeploy:ListDeployments",
                    "codedeploy:GetDeployment"),
            Grant.on(CANARY_DEPLOYMENT_CONFIGS, "codedeploy:CreateDeploymentConfig",
                    "codedeploy:GetDeploymentConfig"),
            // CreateDeployment registers the revision it deploys (see the class comment).
            Grant.on(CODEDEPLOY_APPLICATIONS, "codedeploy:RegisterApplicationRevision"),
            Grant.on(ECS_SERVICES, "ecs:UpdateService", "ecs:ListServiceDeployments").forBackend(ecs),
            Grant.on(ECS_SERVICE_DEPLOYMENTS, "ecs:DescribeServiceDeployments").forBackend(ecs),
            Grant.on(ECS_SERVICE_REVISIONS, "ecs:DescribeServiceRevisions").forBackend(ecs),
            // The deployment names the lifecycle hook's role, which ECS assumes to invoke it.
            Grant.on(ANY, "iam:PassRole").when("StringEquals", "iam:PassedToService", "ecs.amazonaws.com")
                    .forBackend(ecs)),
    // The hook retries checks until the service's deadline; Lambda's ceiling is 15 minutes.
    SMOKE_TEST_HOOK("smoke.SmokeTestHook", null, "greenlight-smoke-test", 900, Set.of(Setting.GREENLIGHT_CONFIG),
            Grant.on(CODEDEPLOY_DEPLOYMENT_GROUPS, "codedeploy:GetDeployment"),
            Grant.on(ANY, "codedeploy:PutLifecycleEventHookExecutionStatus").forBackend(codedeploy),
            // Its report goes on green's task definition, and only under the greenlight:smoke tag keys.
            Grant.on(TASK_DEFINITIONS, "ecs:TagResource").when("ForAllValues:StringLike", "aws:TagKeys",
                    "greenlight:smoke*").forBackend(codedeploy)),
    WATCH_DEPLOYMENT("watch.WatchDeployment", "WatchDeploymentFunction", "greenlight-watch-deployment", 60, Set.of(),
            Grant.on(CODEDEPLOY_DEPLOYMENT_GROUPS, "codedeploy:GetDeployment", "codedeploy:GetDeploymentGroup"),
            Grant.on(ANY, "codedeploy:ListDeploymentTargets", "codedeploy:GetDeploymentTarget").forBackend(codedeploy),
            Grant.on(ALARMS, "cloudwatch:DescribeAlarms", "cloudwatch:DescribeAlarmHistory"),
            // GetMetricData and DescribeTargetGroups support no resource-level permissions.
            Grant.on(ANY, "cloudwatch:GetMetricData", "elasticloadbalancing:DescribeTargetGroups"),
            // DescribeTaskDefinition supports no resource-level permissions: it reads the smoke report's tags.
            Grant.on(ANY, "ecs:DescribeTaskDefinition"),
            Grant.on(ECS_SERVICE_DEPLOYMENTS, "ecs:DescribeServiceDeployments").forBackend(ecs),
            Grant.on(ECS_SERVICE_REVISIONS, "ecs:DescribeServiceRevisions").forBackend(ecs)),
    REQUEST_APPROVAL("approval.RequestApproval", "RequestApprovalFunction", "greenlight-request-approval", 30,
            Set.of(), Grant.on(TOPICS, "sns:Publish")),
    PROMOTE("promote.Promote", "PromoteFunction", "greenlight-promote", 60, Set.of(),
            Grant.on(CODEDEPLOY_DEPLOYMENT_GROUPS, "codedeploy:GetDeployment"),
            Grant.on(ANY, "codedeploy:ContinueDeployment").forBackend(codedeploy),
            Grant.on(ECS_SERVICE_DEPLOYMENTS, "ecs:DescribeServiceDeployments").forBackend(ecs),
            Grant.on(ECS_SERVICE_REVISIONS, "ecs:DescribeServiceRevisions").forBackend(ecs),
            // Lets the promotion gate through: a tag on green's task definition, and only that tag key.
            Grant.on(TASK_DEFINITIONS, "ecs:TagResource").when("ForAllValues:StringEquals", "aws:TagKeys",
                    "greenlight:promote").forBackend(ecs)),
    ROLLBACK("rollback.Rollback", "RollbackFunction", "greenlight-rollback", 60, Set.of(),
            Grant.on(CODEDEPLOY_DEPLOYMENT_GROUPS, "codedeploy:GetDeployment", "codedeploy:CreateDeployment"),
            Grant.on(ANY, "codedeploy:StopDeployment").forBackend(codedeploy),
            Grant.on(REDEPLOY_DEPLOYMENT_CONFIG, "codedeploy:GetDeploymentConfig"),
            Grant.on(CODEDEPLOY_APPLICATIONS, "codedeploy:RegisterApplicationRevision"),
            Grant.on(ECS_SERVICES, "ecs:UpdateService", "ecs:ListServiceDeployments").forBackend(ecs),
            Grant.on(ECS_SERVICE_DEPLOYMENTS, "ecs:DescribeServiceDeployments", "ecs:StopServiceDeployment")
                    .forBackend(ecs)),
    NOTIFY("notify.Notify", "NotifyFunction", "greenlight-notify", 30, Set.of(),
            Grant.on(EVENT_BUSES, "events:PutEvents"),
            Grant.on(TOPICS, "sns:Publish")),
    // Invoked by the alarm rule, not by the state machine: stops the deployment the moment an alarm fires.
    STOP_ON_ALARM("alarm.StopOnAlarm", null, "greenlight-stop-on-alarm", 30, Set.of(Setting.GREENLIGHT_CONFIG),
            Grant.on(CODEDEPLOY_DEPLOYMENT_GROUPS, "codedeploy:ListDeployments", "codedeploy:GetDeployment"),
            Grant.on(ANY, "codedeploy:StopDeployment").forBackend(codedeploy),
            Grant.on(ECS_SERVICES, "ecs:ListServiceDeployments").forBackend(ecs),
            Grant.on(ECS_SERVICE_DEPLOYMENTS, "ecs:DescribeServiceDeployments", "ecs:StopServiceDeployment")
                    .forBackend(ecs)),
    // Amazon ECS invokes it at two lifecycle stages of a service on the ECS backend: the smoke test and the
    // promotion gate. Its smoke test retries until the service's deadline; Lambda's ceiling is 15 minutes.
    ECS_LIFECYCLE_HOOK("smoke.EcsLifecycleHook", null, "greenlight-ecs-hook", 900, Set.of(Setting.GREENLIGHT_CONFIG),
            Grant.on(ECS_SERVICES, "ecs:ListServiceDeployments").forBackend(ecs),
            Grant.on(ECS_SERVICE_DEPLOYMENTS, "ecs:DescribeServiceDeployments").forBackend(ecs),
            Grant.on(ECS_SERVICE_REVISIONS, "ecs:DescribeServiceRevisions").forBackend(ecs),
            Grant.on(TASK_DEFINITIONS, "ecs:ListTagsForResource").forBackend(ecs),
            Grant.on(TASK_DEFINITIONS, "ecs:TagResource").when("ForAllValues:StringLike", "aws:TagKeys",
                    "greenlight:smoke*").forBackend(ecs)),
    // Drives requests until the next look, at most 840 s an invocation (DriveSyntheticLoad.MAX_SECONDS).
    // HTTP to the services' test listeners only: no AWS call, so its role allows nothing but its logs.
    DRIVE_SYNTHETIC_LOAD("synthetic.DriveSyntheticLoad", "DriveSyntheticLoadFunction",
            "greenlight-drive-synthetic-load", 900, Set.of());

    private final String handlerClass;
    private final String substitution;
    private final String twinFunction;
    private final int timeoutSeconds;
    private final Set<Setting> settings;
    private final List<Grant> grants;

    Step(String handlerClass, String substitution, String twinFunction, int timeoutSeconds, Set<Setting> settings,
            Grant... grants) {
        this.handlerClass = handlerClass;
        this.substitution = substitution;
        this.twinFunction = twinFunction;
        this.timeoutSeconds = timeoutSeconds;
        this.settings = settings.isEmpty() ? EnumSet.noneOf(Setting.class) : EnumSet.copyOf(settings);
        this.grants = List.of(grants);
    }

    /** The Lambda handler string, e.g. {@code dev.greenlight.workers.verify.VerifyImage::handleRequest}. */
    public String handler() {
        return "dev.greenlight.workers." + handlerClass + "::handleRequest";
    }

    /** The worker's class name, e.g. {@code VerifyImage}: the CDK construct id. */
    public String id() {
        return handlerClass.substring(handlerClass.indexOf('.') + 1);
    }

    /** The definition substitution key, or null when the state machine does not call this step. */
    public String substitution() {
        return substitution;
    }

    /** The function's name on the local twin. */
    public String twinFunction() {
        return twinFunction;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public Set<Setting> settings() {
        return Collections.unmodifiableSet(settings);
    }

    /** The IAM statements of the calls the step makes; nothing else. */
    public List<Grant> grants() {
        return grants;
    }

    public static List<Step> calledByStateMachine() {
        return Arrays.stream(values()).filter(step -> step.substitution != null).toList();
    }
}
