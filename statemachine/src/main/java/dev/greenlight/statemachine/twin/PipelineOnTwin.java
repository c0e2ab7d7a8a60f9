package dev.greenlight.statemachine.twin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.JavaClock;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.statemachine.PipelineDefinition;
import dev.greenlight.workers.alarm.StopOnAlarm;
import dev.greenlight.workers.approval.RequestApproval;
import dev.greenlight.workers.backend.Backends;
import dev.greenlight.workers.backend.CodeDeployBackend;
import dev.greenlight.workers.backend.EcsBackend;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.deploy.StartDeployment;
import dev.greenlight.workers.notify.Notify;
import dev.greenlight.workers.preflight.Preflight;
import dev.greenlight.workers.promote.Promote;
import dev.greenlight.workers.rollback.Rollback;
import dev.greenlight.workers.smoke.EcsLifecycleHook;
import dev.greenlight.workers.smoke.JdkHttpProbe;
import dev.greenlight.workers.smoke.Sleeper;
import dev.greenlight.workers.smoke.SmokeTestHook;
import dev.greenlight.workers.steps.Step;
import dev.greenlight.workers.synthetic.DriveSyntheticLoad;
import dev.greenlight.workers.taskdef.RegisterTaskDefinition;
import dev.greenlight.workers.trigger.Trigger;
import dev.greenlight.workers.verify.VerifyImage;
import dev.greenlight.workers.watch.WatchDeployment;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The pipeline deployed onto the local twin as the CDK app deploys it to AWS: every worker a Lambda
 * function (the very same classes, given the twins' clients) with its {@code live} alias, the state
 * machine from {@code pipeline.asl.json} invoking those aliases, the smoke-test hook, and per service
 * an EventBridge rule on its ECR pushes that invokes the trigger. IAM is enforced as in AWS: each worker
 * calls as its function's execution role, the state machine as its own role, both as the CDK app
 * synthesizes them ({@link PipelineRoles}), and each rule invokes its function by the permission the
 * CDK app adds for it.
 *
 * @param stateMachineArn the pipeline's state machine in the Step Functions twin
 */
public record PipelineOnTwin(String stateMachineArn) {

    public static final String STATE_MACHINE = "greenlight-pipeline";
    public static final String SMOKE_TEST_FUNCTION = Step.SMOKE_TEST_HOOK.twinFunction();
    public static final String TRIGGER_FUNCTION = Step.TRIGGER.twinFunction();
    public static final String STOP_ON_ALARM_FUNCTION = Step.STOP_ON_ALARM.twinFunction();
    /** ECS names the hook by ARN; the role is the one the CDK app creates for ECS to invoke it with. */
    static final String ECS_HOOK_FUNCTION_ARN = LocalAccount.arn("lambda",
            "function:" + Step.ECS_LIFECYCLE_HOOK.twinFunction());
    static final String ECS_HOOK_ROLE = "arn:aws:iam::" + LocalAccount.ID + ":role/greenlight-ecs-hook-invoke";

    /** The hook's evidence line: the twin's "CloudWatch Logs" is the platform log, so stdout stays the user's. */
    private static final java.util.function.Consumer<String> HOOK_LOG = line ->
            System.getLogger("greenlight.smoke-test").log(System.Logger.Level.DEBUG, line);

    /**
     * With the roles synthesized for {@code orders} ({@link PipelineRoles}): for the first service's backend
     * and canary.
     *
     * @param virtualTime whether the twin runs in virtual time (the smoke hook then probes the modelled fleet)
     */
    public static PipelineOnTwin deploy(LocalTwin twin, GreenlightConfig config, boolean virtualTime) {
        return deploy(twin, config, virtualTime, ClientDecorator.NONE);
    }

    /** As {@link #deploy(LocalTwin, GreenlightConfig, boolean)}, each worker's clients passed through {@code clients}. */
    public static PipelineOnTwin deploy(LocalTwin twin, GreenlightConfig config, boolean virtualTime,
            ClientDecorator clients) {
        ServiceConfig first = config.services().values().iterator().next();
        return deploy(twin, config, virtualTime, clients, PipelineRoles.install(twin, first.backend(), first.canary()));
    }

    /** As {@link #deploy(LocalTwin, GreenlightConfig, boolean, ClientDecorator)}, with {@code roles} already in IAM. */
    public static PipelineOnTwin deploy(LocalTwin twin, GreenlightConfig config, boolean virtualTime,
            ClientDecorator clients, PipelineRoles roles) {
        ecsHookRole(twin);
        Clock clock = new JavaClock(twin.clock());
        WorkerFunctions functions = new WorkerFunctions(twin.lambda());
        Map<String, String> aliases = new LinkedHashMap<>();
        PipelineDefinition.TWIN_FUNCTIONS.forEach((name, function) -> aliases.put(name,
                function + ":" + WorkerFunctions.ALIAS));
        String stateMachineArn = twin.stepFunctions().createStateMachine(request -> request.name(STATE_MACHINE)
                .definition(PipelineDefinition.substitute(PipelineDefinition.raw(), aliases))
                .roleArn(roles.stateMachineRole())).stateMachineArn();
        Deployed deployed = new Deployed(twin, config, clock, virtualTime, stateMachineArn);
        ClientDecorator asRoles = roles.enforced(twin, clients);
        Map<Step, String> arns = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            arns.put(step, register(functions, step, new WorkerClients(twin, step.twinFunction(), asRoles), deployed));
        }
        config.services().forEach((name, service) -> pushRule(twin, name, service, arns.get(Step.TRIGGER)));
        config.services().forEach((name, service) -> alarmRule(twin, name, service, arns.get(Step.STOP_ON_ALARM)));
        return new PipelineOnTwin(stateMachineArn);
    }

    /** What the workers are given besides their clients. */
    private record Deployed(LocalTwin twin, GreenlightConfig config, Clock clock, boolean virtualTime,
            String stateMachineArn) {
    }

    /** Every step of the catalogue, as the CDK app deploys it; the switch makes a new step a compile error here. */
    private static String register(WorkerFunctions functions, Step step, WorkerClients c, Deployed d) {
        String name = step.twinFunction();
        LocalTwin twin = d.twin();
        return switch (step) {
            case TRIGGER -> functions.register(name, new Trigger(c.stepFunctions(), d.stateMachineArn(), d.config()));
            case VERIFY_IMAGE -> functions.register(name, new VerifyImage(c.ecr(), c.ecs(),
                    (registry, repository, digest) -> twin.ecr().blob(repository, digest).orElseThrow(() ->
                            new IllegalStateException("blob " + digest + " is not in repository " + repository))));
            case PREFLIGHT -> functions.register(name, new Preflight(backends(c), c.cloudWatch(), c.ecr(), c.elb()));
            case REGISTER_TASK_DEFINITION -> functions.register(name, new RegisterTaskDefinition(c.ecs()));
            case START_DEPLOYMENT -> functions.register(name,
                    new StartDeployment(backends(c), SMOKE_TEST_FUNCTION, d.clock()));
            case SMOKE_TEST_HOOK -> functions.register(name,
                    smokeHook(twin, c.codeDeploy(), c.ecs(), d.config(), d.clock(), d.virtualTime()));
            case WATCH_DEPLOYMENT -> functions.register(name,
                    new WatchDeployment(backends(c), c.ecs(), c.cloudWatch(), c.elb(), d.clock()));
            case REQUEST_APPROVAL -> functions.register(name, new RequestApproval(c.sns(), d.clock()));
            case PROMOTE -> functions.register(name, new Promote(backends(c), d.clock()));
            case ROLLBACK -> functions.register(name, new Rollback(backends(c)));
            case NOTIFY -> functions.register(name, new Notify(c.eventBridge(), c.sns()));
            case STOP_ON_ALARM -> functions.register(name, new StopOnAlarm(backends(c), d.config()));
            case ECS_LIFECYCLE_HOOK -> functions.register(name, ecsHook(twin, c.ecs(), d.config(), d.clock(),
                    d.virtualTime()));
            case DRIVE_SYNTHETIC_LOAD -> registerSyntheticLoad(functions, name, twin, d.clock(), d.virtualTime());
        };
    }

    /** Synthetic load spends the time it is given, so it runs beside the clock, never on it. */
    private static String registerSyntheticLoad(WorkerFunctions functions, String name, LocalTwin twin, Clock clock,
            boolean virtualTime) {
        if (virtualTime) {
            TurnTaking turns = new TurnTaking(twin.clock());
            DriveSyntheticLoad worker = new DriveSyntheticLoad(new FleetProbe(twin.fleet()), clock, turns);
            return functions.register(name, worker, turns.code(name, worker));
        }
        DriveSyntheticLoad worker = new DriveSyntheticLoad(JdkHttpProbe.create(), clock, Sleeper.threadSleep());
        return functions.register(name, worker, OwnThread.code(twin.clock(), name, worker));
    }

    /**
     * The role ECS invokes the lifecycle hook as (Developer Guide, "Lifecycle hooks"): trusted by
     * {@code ecs.amazonaws.com}, allowed {@code lambda:InvokeFunction} on the hook function. Created once per twin.
     */
    private static void ecsHookRole(LocalTwin twin) {
        String name = ECS_HOOK_ROLE.substring(ECS_HOOK_ROLE.lastIndexOf('/') + 1);
        if (twin.iam().listRoles().roles().stream().anyMatch(role -> role.roleName().equals(name))) {
            return;
        }
        twin.iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                 "Principal":{"Service":"ecs.amazonaws.com"}}]}"""));
        twin.iam().putRolePolicy(r -> r.roleName(name).policyName("InvokeHook").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction",
                 "Resource":["%s","%s:*"]}]}""".formatted(ECS_HOOK_FUNCTION_ARN, ECS_HOOK_FUNCTION_ARN)));
    }

    /** Both backends, each with the hooks the twin registers: a service's config says which deploys it. */
    private static Backends backends(WorkerClients c) {
        return new Backends(new CodeDeployBackend(c.codeDeploy(), SMOKE_TEST_FUNCTION),
                new EcsBackend(c.ecs(), ECS_HOOK_FUNCTION_ARN, ECS_HOOK_ROLE));
    }

    private static EcsLifecycleHook ecsHook(LocalTwin twin, EcsClient ecs, GreenlightConfig config, Clock clock,
            boolean virtualTime) {
        if (virtualTime) {
            OffsetClock hookTime = new OffsetClock(clock);
            return new EcsLifecycleHook(ecs, new FleetProbe(twin.fleet()), hookTime, hookTime, json(config), HOOK_LOG);
        }
        return new EcsLifecycleHook(ecs, JdkHttpProbe.create(), clock, duration -> Thread.sleep(duration.toMillis()),
                json(config), HOOK_LOG);
    }

    private static SmokeTestHook smokeHook(LocalTwin twin, CodeDeployClient codeDeploy, EcsClient ecs,
            GreenlightConfig config,
            Clock clock, boolean virtualTime) {
        if (virtualTime) {
            OffsetClock hookTime = new OffsetClock(clock);
            return new SmokeTestHook(codeDeploy, ecs, new FleetProbe(twin.fleet()), hookTime, hookTime, json(config),
                    HOOK_LOG);
        }
        return new SmokeTestHook(codeDeploy, ecs, JdkHttpProbe.create(), clock,
                duration -> Thread.sleep(duration.toMillis()), json(config), HOOK_LOG);
    }

    /** The EventBridge rule that sends {@code service}'s ECR pushes to the trigger. */
    public static String pushRuleName(String service) {
        return "greenlight-" + service;
    }

    /** The rule the CDK app creates per service: this repository's successful pushes go to the trigger. */
    private static void pushRule(LocalTwin twin, String name, ServiceConfig service, String trigger) {
        String rule = pushRuleName(name);
        String ruleArn = twin.eventBridge().putRule(request -> request.name(rule).eventPattern("""
                {"source": ["aws.ecr"], "detail-type": ["ECR Image Action"],
                 "detail": {"action-type": ["PUSH"], "result": ["SUCCESS"], "repository-name": ["%s"]}}"""
                .formatted(service.repository()))).ruleArn();
        target(twin, rule, ruleArn, "trigger", trigger);
    }

    /**
     * As the CDK app's LambdaFunction target: the rule targets the function's alias, and the alias's resource
     * policy lets EventBridge invoke it for this rule only (principal events.amazonaws.com, aws:SourceArn).
     */
    private static void target(LocalTwin twin, String rule, String ruleArn, String id, String alias) {
        twin.lambda().addPermission(r -> r.functionName(alias).statementId(rule + "-" + id)
                .action("lambda:InvokeFunction").principal("events.amazonaws.com").sourceArn(ruleArn));
        twin.eventBridge().putTargets(request -> request.rule(rule)
                .targets(Target.builder().id(id).arn(alias).build()));
    }

    /** The rule that sends {@code service}'s alarms' transitions to ALARM to StopOnAlarm. */
    public static String alarmRuleName(String service) {
        return "greenlight-" + service + "-alarms";
    }

    /** As the CDK app creates it: this service's alarms going to ALARM stop its deployment at once. */
    private static void alarmRule(LocalTwin twin, String name, ServiceConfig service, String stopOnAlarm) {
        if (service.alarms().isEmpty()) {
            return;
        }
        String rule = alarmRuleName(name);
        String ruleArn = twin.eventBridge().putRule(request -> request.name(rule).eventPattern(alarmPattern(service)))
                .ruleArn();
        target(twin, rule, ruleArn, "stop-on-alarm", stopOnAlarm);
    }

    /** CloudWatch's "CloudWatch Alarm State Change" events of these alarms into ALARM. */
    public static String alarmPattern(ServiceConfig service) {
        try {
            return Worker.JSON.writeValueAsString(Map.of("source", java.util.List.of("aws.cloudwatch"),
                    "detail-type", java.util.List.of("CloudWatch Alarm State Change"),
                    "detail", Map.of("alarmName", service.alarms(),
                            "state", Map.of("value", java.util.List.of("ALARM")))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(GreenlightConfig config) {
        try {
            return Worker.JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
