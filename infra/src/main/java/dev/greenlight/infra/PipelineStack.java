package dev.greenlight.infra;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;

import dev.greenlight.workers.config.ConfigSize;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * The pipeline: the state machine of {@code statemachine/pipeline.asl.json}, one Lambda per worker
 * with only the permissions it uses, an ECR-push rule per configured service, and the topic for
 * approvals and notifications.
 */
public final class PipelineStack extends Stack {

    /** The smoke hook's name: CodeDeploy's managed role for ECS may invoke {@code CodeDeployHook_*}. */
    public static final String SMOKE_TEST_FUNCTION_NAME = "CodeDeployHook_greenlight-smoke-test";

    /** The JVM settings for a short-lived function: the C1 compiler only, which starts fastest. */
    public static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";


    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final Map<Worker, Function> functions = new EnumMap<>(Worker.class);
    private final Map<Worker, software.amazon.awscdk.services.lambda.Alias> aliases = new EnumMap<>(Worker.class);
    private final StateMachine stateMachine;
    private final Topic topic;
    private final String workersConfig;


    public PipelineStack(Construct scope, String id, StackProps props, AppInputs inputs) {
        super(scope, id, props);
        ServiceArns arns = new ServiceArns(this, inputs.config());
        topic = Topic.Builder.create(this, "Topic").displayName("Greenlight approvals and notifications")
                .masterKey(Alias.fromAliasName(this, "SnsKey", "alias/aws/sns")).enforceSsl(true).build();
        workersConfig = WorkersConfig.withDefaultTopic(inputs.configJson(), topic.getTopicArn());
        ConfigSize.problem(inputs.configJson()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });

        // The smoke hook first: StartDeployment names it in its environment.
        function(Worker.SMOKE_TEST_HOOK, inputs, environment(Worker.SMOKE_TEST_HOOK, inputs),
                statements(Worker.SMOKE_TEST_HOOK, arns));
        for (Worker worker : Worker.values()) {
            if (worker != Worker.TRIGGER && worker != Worker.SMOKE_TEST_HOOK) {
                function(worker, inputs, environment(worker, inputs), statements(worker, arns));
            }
        }
        stateMachine = stateMachine(inputs.definition());
        Map<String, String> triggerEnv = environment(Worker.TRIGGER, inputs);
        triggerEnv.put("STATE_MACHINE_ARN", stateMachine.getStateMachineArn());
        function(Worker.TRIGGER, inputs, triggerEnv, List.of(
                allow(List.of("states:StartExecution"), List.of(stateMachine.getStateMachineArn())),
                // Asks whether a repeated push's execution already exists, under the state machine's executions.
                allow(List.of("states:DescribeExecution"), List.of(Stack.of(this).formatArn(ArnComponents.builder()
                        .service("states").resource("execution")
                        .resourceName(stateMachine.getStateMachineName() + ":*")
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build())))));

        inputs.config().services().forEach((name, service) -> Rule.Builder.create(this, "EcrPush-" + name)
                .description("A pushed image of " + service.repository() + " starts a Greenlight deployment of "
                        + name)
                .eventPattern(EventPattern.builder().source(List.of("aws.ecr")).detailType(List.of("ECR Image Action"))
                        .detail(Map.of("action-type", List.of("PUSH"), "result", List.of("SUCCESS"),
                                "repository-name", List.of(service.repository())))
                        .build())
                .targets(List.of(LambdaFunction.Builder.create(aliases.get(Worker.TRIGGER))
                        .retryAttempts(8).maxEventAge(Duration.hours(2)).build()))
                .build());

        // Detection does not wait for the pipeline's next look: an alarm into ALARM stops the deployment now.
        inputs.config().services().forEach((name, service) -> {
            if (!service.alarms().isEmpty()) {
                Rule.Builder.create(this, "AlarmFired-" + name)
                        .description("An alarm of " + name + " going to ALARM stops its deployment with rollback")
                        .eventPattern(EventPattern.builder().source(List.of("aws.cloudwatch"))
                                .detailType(List.of("CloudWatch Alarm State Change"))
                                .detail(Map.of("alarmName", service.alarms(),
                                        "state", Map.of("value", List.of("ALARM"))))
                                .build())
                        // A late stop could meet a newer release: the worker skips those, and the pipeline polls.
                        .targets(List.of(LambdaFunction.Builder.create(aliases.get(Worker.STOP_ON_ALARM))
                                .retryAttempts(2).maxEventAge(Duration.minutes(5)).build()))
                        .build();
            }
        });

        CfnOutput.Builder.create(this, "StateMachineArn").value(stateMachine.getStateMachineArn()).build();
        CfnOutput.Builder.create(this, "TopicArn").value(topic.getTopicArn())
                .description("Subscribe to receive approval requests and release notifications").build();
        CfnOutput.Builder.create(this, "SmokeTestFunction").value(SMOKE_TEST_FUNCTION_NAME).build();
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    public Function function(Worker worker) {
        return functions.get(worker);
    }

    private Map<String, String> environment(Worker worker, AppInputs inputs) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        switch (worker) {
            case TRIGGER, SMOKE_TEST_HOOK, STOP_ON_ALARM -> env.put("GREENLIGHT_CONFIG", workersConfig);
            case START_DEPLOYMENT -> env.put("SMOKE_TEST_FUNCTION", aliases.get(Worker.SMOKE_TEST_HOOK).getFunctionArn());
            default -> {
            }
        }
        return env;
    }

    private void function(Worker worker, AppInputs inputs, Map<String, String> env, List<PolicyStatement> statements) {
        LogGroup logs = LogGroup.Builder.create(this, worker.id() + "Logs").retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY).build();
        Role role = Role.Builder.create(this, worker.id() + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Greenlight " + worker.id() + ": only the calls it makes").build();
        logs.grantWrite(role);
        statements.forEach(role::addToPolicy);
        Function.Builder builder = Function.Builder.create(this, worker.id())
                .runtime(Runtime.JAVA_21).architecture(Architecture.ARM_64)
                .handler(worker.handler()).code(Code.fromAsset(inputs.workersJar().toString()))
                .memorySize(1024).timeout(worker.timeout()).role(role).logGroup(logs)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS).environment(env)
                .description("Greenlight worker " + worker.id());
        if (worker == Worker.SMOKE_TEST_HOOK) {
            builder.functionName(SMOKE_TEST_FUNCTION_NAME);
        }
        Function function = builder.build();
        // SnapStart applies to published versions: the live alias below publishes one and everything calls it.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the live alias publishes a version; the state machine, the rule and CodeDeploy call the alias");
        Nag.suppress(function, "AwsSolutions-L1", "java21 is the runtime Greenlight's workers are built and "
                + "tested for, with SnapStart on published versions; moving to a newer Java runtime is a deliberate "
                + "upgrade of the workers, not a template setting");
        if (worker == Worker.TRIGGER) {
            Nag.suppressMatching(role, "AwsSolutions-IAM5", "states:DescribeExecution on this state machine's "
                    + "executions only: the execution's name derives from the pushed image at run time, so the ARN "
                    + "ends in a wildcard", "/^Resource::.*:execution:.*\\*$/g");
        } else if (worker == Worker.VERIFY_IMAGE) {
            Nag.suppress(role, "AwsSolutions-IAM5", "ecs:DescribeTaskDefinition has no resource-level "
                    + "permissions (AWS Service Authorization Reference): it reads the service's current task "
                    + "definition, whose ARN is only known at run time, to check the image's platform", "Resource::*");
        } else if (worker == Worker.WATCH_DEPLOYMENT) {
            Nag.suppress(role, "AwsSolutions-IAM5", "cloudwatch:GetMetricData, "
                    + "elasticloadbalancing:DescribeTargetGroups and ecs:DescribeTaskDefinition have no resource-level "
                    + "permissions (AWS Service Authorization Reference): they read the load balancer's "
                    + "per-target-group metrics the canary analysis judges green on, and the smoke report tagged on "
                    + "green's task definition; " + CODEDEPLOY_BY_ID, "Resource::*");
        } else if (worker == Worker.PROMOTE || worker == Worker.ROLLBACK || worker == Worker.STOP_ON_ALARM) {
            Nag.suppress(role, "AwsSolutions-IAM5", CODEDEPLOY_BY_ID, "Resource::*");
        } else if (worker == Worker.SMOKE_TEST_HOOK) {
            Nag.suppress(role, "AwsSolutions-IAM5", CODEDEPLOY_BY_ID, "Resource::*");
            Nag.suppressMatching(role, "AwsSolutions-IAM5", "ecs:TagResource on task definitions only, and only "
                    + "with greenlight:smoke tag keys: green's revision is registered at run time, so its ARN ends "
                    + "in a wildcard", "/^Resource::.*:task-definition\\/\\*$/g");
        } else if (worker == Worker.PREFLIGHT) {
            Nag.suppress(role, "AwsSolutions-IAM5", "elasticloadbalancing:DescribeListeners has no resource-level "
                    + "permissions (AWS Service Authorization Reference): it reads which target group the production "
                    + "listener serves users from, so only alarms about it block a release", "Resource::*");
        } else if (worker == Worker.REGISTER_TASK_DEFINITION) {
            Nag.suppress(role, "AwsSolutions-IAM5", "ecs:DescribeTaskDefinition and ecs:RegisterTaskDefinition "
                    + "have no resource-level permissions, and ecs:TagResource tags the new revision, whose ARN "
                    + "does not exist before it is registered; iam:PassRole passes the task and execution roles of "
                    + "the service's current task definition, unknown at synthesis, and is limited to "
                    + "iam:PassedToService ecs-tasks.amazonaws.com", "Resource::*");
        }
        functions.put(worker, function);
        aliases.put(worker, software.amazon.awscdk.services.lambda.Alias.Builder.create(this, worker.id() + "Live")
                .aliasName("live").version(function.getCurrentVersion()).build());
    }

    private StateMachine stateMachine(String definition) {
        Map<String, String> substitutions = new LinkedHashMap<>();
        Worker.calledByStateMachine().forEach(w -> substitutions.put(w.substitution(), aliases.get(w).getFunctionArn()));
        Set<String> unknown = new TreeSet<>(placeholders(definition));
        unknown.removeAll(substitutions.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("pipeline.asl.json uses the substitutions " + unknown
                    + ", which no worker provides (known: " + new TreeSet<>(substitutions.keySet()) + ")");
        }
        LogGroup logs = LogGroup.Builder.create(this, "StateMachineLogs")
                .logGroupName("/aws/vendedlogs/states/greenlight-pipeline-" + getStackName())
                .retention(RetentionDays.THREE_MONTHS).removalPolicy(RemovalPolicy.DESTROY).build();
        StateMachine machine = StateMachine.Builder.create(this, "Pipeline")
                .definitionBody(DefinitionBody.fromString(definition))
                .definitionSubstitutions(substitutions)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
                .tracingEnabled(true)
                .build();
        Worker.calledByStateMachine().forEach(w -> aliases.get(w).grantInvoke(machine));
        Nag.suppress(machine.getRole(), "AwsSolutions-IAM5", "X-Ray (xray:PutTraceSegments, "
                + "xray:PutTelemetryRecords, xray:GetSamplingRules, xray:GetSamplingTargets) and CloudWatch Logs "
                + "vended delivery (logs:CreateLogDelivery and the other delivery actions) have no resource-level "
                + "permissions; CDK adds them for the tracing and ALL-level logging the pipeline requires",
                "Resource::*");
        return machine;
    }

    /** The {@code ${Name}} placeholders of a definition. */
    public static Set<String> placeholders(String definition) {
        Set<String> names = new TreeSet<>();
        Matcher m = SUBSTITUTION.matcher(definition);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * For the actions the Service Authorization Reference lists with no resource type (CodeDeploy's
     * StopDeployment, ContinueDeployment, PutLifecycleEventHookExecutionStatus, ListDeploymentTargets,
     * GetDeploymentTarget): AWS authorizes them on "*", so a statement naming a deployment group's ARN
     * does not allow them. The IAM-enforcing twin refused them until they were granted here.
     */
    private static final List<String> NO_RESOURCE_LEVEL = List.of("*");
    private static final String CODEDEPLOY_BY_ID = "CodeDeploy's operations on a deployment by its ID (StopDeployment, "
            + "ContinueDeployment, PutLifecycleEventHookExecutionStatus, ListDeploymentTargets, GetDeploymentTarget) "
            + "have no resource-level permissions (AWS Service Authorization Reference)";

    private List<PolicyStatement> statements(Worker worker, ServiceArns arns) {
        List<String> groups = arns.deploymentGroups();
        List<PolicyStatement> s = new ArrayList<>();
        switch (worker) {
            case VERIFY_IMAGE -> {
                s.add(allow(List.of("ecr:DescribeRepositories", "ecr:DescribeImages",
                        "ecr:DescribeImageScanFindings", "ecr:StartImageScan", "ecr:BatchGetImage",
                        "ecr:GetDownloadUrlForLayer"), arns.repositories()));
                s.add(allow(List.of("ecs:DescribeServices"), arns.ecsServices()));
                s.add(allow(List.of("ecs:DescribeTaskDefinition"), List.of("*")));
            }
            case PREFLIGHT -> {
                s.add(allow(List.of("ecr:DescribeImages"), arns.repositories()));
                s.add(allow(List.of("cloudwatch:DescribeAlarms"), arns.alarms()));
                s.add(allow(List.of("codedeploy:ListDeployments", "codedeploy:GetDeployment",
                        "codedeploy:GetDeploymentGroup"), groups));
                // DescribeListeners supports no resource-level permissions.
                s.add(allow(List.of("elasticloadbalancing:DescribeListeners"), List.of("*")));
            }
            case REGISTER_TASK_DEFINITION -> {
                s.add(allow(List.of("ecs:DescribeServices"), arns.ecsServices()));
                s.add(allow(List.of("ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition", "ecs:TagResource"),
                        List.of("*")));
                s.add(PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(List.of("iam:PassRole"))
                        .resources(List.of("*"))
                        .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")))
                        .build());
            }
            case START_DEPLOYMENT -> {
                s.add(allow(List.of("codedeploy:CreateDeployment", "codedeploy:ListDeployments",
                        "codedeploy:GetDeployment"), groups));
                s.add(allow(List.of("codedeploy:CreateDeploymentConfig", "codedeploy:GetDeploymentConfig"),
                        arns.canaryDeploymentConfigs()));
                s.add(allow(List.of("codedeploy:RegisterApplicationRevision", "codedeploy:GetApplicationRevision"),
                        arns.applications()));
            }
            case SMOKE_TEST_HOOK -> {
                s.add(allow(List.of("codedeploy:GetDeployment"), groups));
                s.add(allow(List.of("codedeploy:PutLifecycleEventHookExecutionStatus"), NO_RESOURCE_LEVEL));
                // Its report goes on green's task definition, and only under the greenlight:smoke tag keys.
                s.add(PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(List.of("ecs:TagResource"))
                        .resources(List.of(arns.taskDefinitions()))
                        .conditions(Map.of("ForAllValues:StringLike", Map.of("aws:TagKeys", "greenlight:smoke*")))
                        .build());
            }
            case WATCH_DEPLOYMENT -> {
                s.add(allow(List.of("codedeploy:GetDeployment", "codedeploy:GetDeploymentGroup"), groups));
                s.add(allow(List.of("codedeploy:ListDeploymentTargets", "codedeploy:GetDeploymentTarget"),
                        NO_RESOURCE_LEVEL));
                s.add(allow(List.of("cloudwatch:DescribeAlarms", "cloudwatch:DescribeAlarmHistory"), arns.alarms()));
                // GetMetricData and DescribeTargetGroups support no resource-level permissions.
                s.add(allow(List.of("cloudwatch:GetMetricData", "elasticloadbalancing:DescribeTargetGroups"),
                        List.of("*")));
                // DescribeTaskDefinition supports no resource-level permissions: it reads the smoke report's tags.
                s.add(allow(List.of("ecs:DescribeTaskDefinition"), List.of("*")));
            }
            case REQUEST_APPROVAL -> s.add(allow(List.of("sns:Publish"), topics(arns)));
            case PROMOTE -> {
                s.add(allow(List.of("codedeploy:GetDeployment"), groups));
                s.add(allow(List.of("codedeploy:ContinueDeployment"), NO_RESOURCE_LEVEL));
            }
            case ROLLBACK -> {
                s.add(allow(List.of("codedeploy:GetDeployment", "codedeploy:CreateDeployment"), groups));
                s.add(allow(List.of("codedeploy:StopDeployment"), NO_RESOURCE_LEVEL));
                s.add(allow(List.of("codedeploy:GetDeploymentConfig"),
                        List.of(arns.deploymentConfig(ServiceArns.REDEPLOY_CONFIG))));
                s.add(allow(List.of("codedeploy:RegisterApplicationRevision", "codedeploy:GetApplicationRevision"),
                        arns.applications()));
            }
            case STOP_ON_ALARM -> {
                s.add(allow(List.of("codedeploy:ListDeployments", "codedeploy:GetDeployment"), groups));
                s.add(allow(List.of("codedeploy:StopDeployment"), NO_RESOURCE_LEVEL));
            }
            // HTTP to the services' test listeners only: no AWS call, so its role allows nothing but its logs.
            case DRIVE_SYNTHETIC_LOAD -> {
            }
            case NOTIFY -> {
                s.add(allow(List.of("events:PutEvents"), arns.eventBuses()));
                s.add(allow(List.of("sns:Publish"), topics(arns)));
            }
            default -> throw new IllegalArgumentException("no permissions for " + worker);
        }
        return s;
    }

    private List<String> topics(ServiceArns arns) {
        List<String> result = new ArrayList<>(List.of(topic.getTopicArn()));
        result.addAll(arns.topics());
        return result;
    }

    private static PolicyStatement allow(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(actions).resources(resources).build();
    }
}
