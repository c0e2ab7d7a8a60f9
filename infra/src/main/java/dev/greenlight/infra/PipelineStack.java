package dev.greenlight.infra;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;

import dev.greenlight.workers.config.ConfigSize;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
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
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.steps.Grant;
import dev.greenlight.workers.steps.Setting;
import dev.greenlight.workers.steps.Step;
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

    private final Map<Step, Function> functions = new EnumMap<>(Step.class);
    private final Map<Step, software.amazon.awscdk.services.lambda.Alias> aliases = new EnumMap<>(Step.class);
    private final StateMachine stateMachine;
    private final Topic topic;
    private final String workersConfig;
    private final Set<ServiceConfig.Backend> backends = EnumSet.noneOf(ServiceConfig.Backend.class);
    private final Role ecsHookRole;


    public PipelineStack(Construct scope, String id, StackProps props, AppInputs inputs) {
        super(scope, id, props);
        ServiceArns arns = new ServiceArns(this, inputs.config());
        inputs.config().services().values().forEach(service -> backends.add(service.backend()));
        topic = Topic.Builder.create(this, "Topic").displayName("Greenlight approvals and notifications")
                .masterKey(Alias.fromAliasName(this, "SnsKey", "alias/aws/sns")).enforceSsl(true).build();
        workersConfig = WorkersConfig.withDefaultTopic(inputs.configJson(), topic.getTopicArn());
        ConfigSize.problem(inputs.configJson()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });

        // The hooks first: StartDeployment names them in its environment.
        function(Step.SMOKE_TEST_HOOK, inputs, environment(Step.SMOKE_TEST_HOOK, inputs),
                statements(Step.SMOKE_TEST_HOOK, arns));
        function(Step.ECS_LIFECYCLE_HOOK, inputs, environment(Step.ECS_LIFECYCLE_HOOK, inputs),
                statements(Step.ECS_LIFECYCLE_HOOK, arns));
        // Amazon ECS invokes the lifecycle hook with this role, and with nothing else.
        ecsHookRole = Role.Builder.create(this, "EcsHookInvokeRole")
                .assumedBy(new ServicePrincipal("ecs.amazonaws.com"))
                .description("Amazon ECS invokes Greenlight's lifecycle hook with this role").build();
        aliases.get(Step.ECS_LIFECYCLE_HOOK).grantInvoke(ecsHookRole);
        for (Step worker : Step.values()) {
            if (worker != Step.TRIGGER && worker != Step.SMOKE_TEST_HOOK && worker != Step.ECS_LIFECYCLE_HOOK) {
                function(worker, inputs, environment(worker, inputs), statements(worker, arns));
            }
        }
        stateMachine = stateMachine(inputs.definition());
        function(Step.TRIGGER, inputs, environment(Step.TRIGGER, inputs), statements(Step.TRIGGER, arns));

        inputs.config().services().forEach((name, service) -> Rule.Builder.create(this, "EcrPush-" + name)
                .description("A pushed image of " + service.repository() + " starts a Greenlight deployment of "
                        + name)
                .eventPattern(EventPattern.builder().source(List.of("aws.ecr")).detailType(List.of("ECR Image Action"))
                        .detail(Map.of("action-type", List.of("PUSH"), "result", List.of("SUCCESS"),
                                "repository-name", List.of(service.repository())))
                        .build())
                .targets(List.of(LambdaFunction.Builder.create(aliases.get(Step.TRIGGER))
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
                        .targets(List.of(LambdaFunction.Builder.create(aliases.get(Step.STOP_ON_ALARM))
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

    public Function function(Step worker) {
        return functions.get(worker);
    }

    private Map<String, String> environment(Step step, AppInputs inputs) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        for (Setting setting : step.settings()) { // in the enum's order: the template stays stable
            env.put(setting.name(), switch (setting) {
                case GREENLIGHT_CONFIG -> workersConfig;
                case SMOKE_TEST_FUNCTION -> aliases.get(Step.SMOKE_TEST_HOOK).getFunctionArn();
                case ECS_HOOK_FUNCTION -> aliases.get(Step.ECS_LIFECYCLE_HOOK).getFunctionArn();
                case ECS_HOOK_ROLE_ARN -> ecsHookRole.getRoleArn();
                case STATE_MACHINE_ARN -> stateMachine.getStateMachineArn();
            });
        }
        return env;
    }

    private void function(Step worker, AppInputs inputs, Map<String, String> env, List<PolicyStatement> statements) {
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
                .memorySize(1024).timeout(Duration.seconds(worker.timeoutSeconds())).role(role).logGroup(logs)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS).environment(env)
                .description("Greenlight worker " + worker.id());
        if (worker == Step.SMOKE_TEST_HOOK) {
            builder.functionName(SMOKE_TEST_FUNCTION_NAME);
        }
        Function function = builder.build();
        // SnapStart applies to published versions: the live alias below publishes one and everything calls it.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the live alias publishes a version; the state machine, the rule and CodeDeploy call the alias");
        Nag.suppress(function, "AwsSolutions-L1", "java21 is the runtime Greenlight's workers are built and "
                + "tested for, with SnapStart on published versions; moving to a newer Java runtime is a deliberate "
                + "upgrade of the workers, not a template setting");
        if (worker == Step.TRIGGER) {
            Nag.suppressMatching(role, "AwsSolutions-IAM5", "states:DescribeExecution on this state machine's "
                    + "executions only: the execution's name derives from the pushed image at run time, so the ARN "
                    + "ends in a wildcard", "/^Resource::.*:execution:.*\\*$/g");
        } else if (worker == Step.VERIFY_IMAGE) {
            Nag.suppress(role, "AwsSolutions-IAM5", "ecs:DescribeTaskDefinition has no resource-level "
                    + "permissions (AWS Service Authorization Reference): it reads the service's current task "
                    + "definition, whose ARN is only known at run time, to check the image's platform", "Resource::*");
        } else if (worker == Step.WATCH_DEPLOYMENT) {
            Nag.suppress(role, "AwsSolutions-IAM5", "cloudwatch:GetMetricData, "
                    + "elasticloadbalancing:DescribeTargetGroups and ecs:DescribeTaskDefinition have no resource-level "
                    + "permissions (AWS Service Authorization Reference): they read the load balancer's "
                    + "per-target-group metrics the canary analysis judges green on, and the smoke report tagged on "
                    + "green's task definition; " + CODEDEPLOY_BY_ID, "Resource::*");
        } else if (worker == Step.PROMOTE || worker == Step.ROLLBACK || worker == Step.STOP_ON_ALARM) {
            Nag.suppress(role, "AwsSolutions-IAM5", CODEDEPLOY_BY_ID, "Resource::*");
        } else if (worker == Step.SMOKE_TEST_HOOK) {
            Nag.suppress(role, "AwsSolutions-IAM5", CODEDEPLOY_BY_ID, "Resource::*");
            Nag.suppressMatching(role, "AwsSolutions-IAM5", "ecs:TagResource on task definitions only, and only "
                    + "with greenlight:smoke tag keys: green's revision is registered at run time, so its ARN ends "
                    + "in a wildcard", "/^Resource::.*:task-definition\\/\\*$/g");
        } else if (worker == Step.PREFLIGHT) {
            Nag.suppress(role, "AwsSolutions-IAM5", "elasticloadbalancing:DescribeListeners has no resource-level "
                    + "permissions (AWS Service Authorization Reference): it reads which target group the production "
                    + "listener serves users from, so only alarms about it block a release", "Resource::*");
        } else if (worker == Step.REGISTER_TASK_DEFINITION) {
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
        Step.calledByStateMachine().forEach(w -> substitutions.put(w.substitution(), aliases.get(w).getFunctionArn()));
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
        Step.calledByStateMachine().forEach(w -> aliases.get(w).grantInvoke(machine));
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

    private static final String CODEDEPLOY_BY_ID = "CodeDeploy's operations on a deployment by its ID (StopDeployment, "
            + "ContinueDeployment, PutLifecycleEventHookExecutionStatus, ListDeploymentTargets, GetDeploymentTarget) "
            + "have no resource-level permissions (AWS Service Authorization Reference)";

    /**
     * The step's grants from the catalogue that the configured backends need, each scope as the services'
     * ARNs; a scope no configured service has (CodeDeploy groups when every service is on ECS) grants nothing.
     */
    private List<PolicyStatement> statements(Step step, ServiceArns arns) {
        List<PolicyStatement> statements = new ArrayList<>();
        for (Grant grant : step.grants()) {
            List<String> resources = resources(grant.scope(), arns);
            if (resources.isEmpty() || grant.backend() != null && !backends.contains(grant.backend())) {
                continue;
            }
            PolicyStatement.Builder statement = PolicyStatement.Builder.create().effect(Effect.ALLOW)
                    .actions(grant.actions()).resources(resources);
            if (grant.condition() != null) {
                statement.conditions(Map.of(grant.condition().operator(),
                        Map.of(grant.condition().key(), grant.condition().value())));
            }
            statements.add(statement.build());
        }
        return statements;
    }

    private List<String> resources(Grant.Scope scope, ServiceArns arns) {
        return switch (scope) {
            case ANY -> List.of("*");
            case REPOSITORIES -> arns.repositories();
            case ECS_SERVICES -> arns.ecsServices();
            case ECS_SERVICE_DEPLOYMENTS -> arns.ecsServiceDeployments();
            case ECS_SERVICE_REVISIONS -> arns.ecsServiceRevisions();
            case TASK_DEFINITIONS -> List.of(arns.taskDefinitions());
            case ALARMS -> arns.alarms();
            case CODEDEPLOY_APPLICATIONS -> arns.applications();
            case CODEDEPLOY_DEPLOYMENT_GROUPS -> arns.deploymentGroups();
            case CANARY_DEPLOYMENT_CONFIGS -> arns.canaryDeploymentConfigs();
            case REDEPLOY_DEPLOYMENT_CONFIG -> arns.redeployConfig();
            case EVENT_BUSES -> arns.eventBuses();
            case TOPICS -> topics(arns);
            case STATE_MACHINE -> List.of(stateMachine.getStateMachineArn());
            case STATE_MACHINE_EXECUTIONS -> List.of(Stack.of(this).formatArn(ArnComponents.builder()
                    .service("states").resource("execution").resourceName(stateMachine.getStateMachineName() + ":*")
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()));
        };
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
