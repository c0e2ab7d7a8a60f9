package dev.greenlight.statemachine.twin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.JavaClock;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.statemachine.PipelineDefinition;
import dev.greenlight.workers.approval.RequestApproval;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.deploy.StartDeployment;
import dev.greenlight.workers.notify.Notify;
import dev.greenlight.workers.preflight.Preflight;
import dev.greenlight.workers.promote.Promote;
import dev.greenlight.workers.rollback.Rollback;
import dev.greenlight.workers.smoke.JdkHttpProbe;
import dev.greenlight.workers.smoke.SmokeTestHook;
import dev.greenlight.workers.taskdef.RegisterTaskDefinition;
import dev.greenlight.workers.trigger.Trigger;
import dev.greenlight.workers.verify.VerifyImage;
import dev.greenlight.workers.watch.WatchDeployment;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The pipeline deployed onto the local twin as the CDK app deploys it to AWS: every worker a Lambda
 * function (the very same classes, given the twins' clients), the state machine from
 * {@code pipeline.asl.json}, the smoke-test hook, and per service an EventBridge rule on its ECR
 * pushes that invokes the trigger.
 *
 * @param stateMachineArn the pipeline's state machine in the Step Functions twin
 */
public record PipelineOnTwin(String stateMachineArn) {

    public static final String STATE_MACHINE = "greenlight-pipeline";
    public static final String SMOKE_TEST_FUNCTION = "greenlight-smoke-test";
    public static final String TRIGGER_FUNCTION = "greenlight-trigger";

    /** @param virtualTime whether the twin runs in virtual time (the smoke hook then probes the modelled fleet) */
    public static PipelineOnTwin deploy(LocalTwin twin, GreenlightConfig config, boolean virtualTime) {
        Clock clock = new JavaClock(twin.clock());
        WorkerFunctions functions = new WorkerFunctions(twin.lambda());
        Map<String, String> names = PipelineDefinition.TWIN_FUNCTIONS;
        functions.register(names.get("NotifyFunction"), new Notify(twin.eventBridge(), twin.sns()));
        functions.register(names.get("VerifyImageFunction"), new VerifyImage(twin.ecr(), twin.ecs(),
                (registry, repository, digest) -> twin.ecr().blob(repository, digest).orElseThrow(() ->
                        new IllegalStateException("blob " + digest + " is not in repository " + repository))));
        functions.register(names.get("PreflightFunction"), new Preflight(twin.codeDeploy(), twin.cloudWatch(), twin.ecr()));
        functions.register(names.get("RegisterTaskDefinitionFunction"), new RegisterTaskDefinition(twin.ecs()));
        functions.register(names.get("StartDeploymentFunction"),
                new StartDeployment(twin.codeDeploy(), SMOKE_TEST_FUNCTION, clock));
        functions.register(names.get("WatchDeploymentFunction"),
                new WatchDeployment(twin.codeDeploy(), twin.cloudWatch(), clock));
        functions.register(names.get("RequestApprovalFunction"), new RequestApproval(twin.sns(), clock));
        functions.register(names.get("PromoteFunction"), new Promote(twin.codeDeploy(), clock));
        functions.register(names.get("RollbackFunction"), new Rollback(twin.codeDeploy()));
        functions.register(SMOKE_TEST_FUNCTION, smokeHook(twin, config, clock, virtualTime));

        String stateMachineArn = twin.stepFunctions().createStateMachine(request -> request.name(STATE_MACHINE)
                .definition(PipelineDefinition.forTwin())
                .roleArn("arn:aws:iam::" + LocalAccount.ID + ":role/greenlight-pipeline")).stateMachineArn();
        String trigger = functions.register(TRIGGER_FUNCTION,
                new Trigger(twin.stepFunctions(), stateMachineArn, config));
        config.services().forEach((name, service) -> pushRule(twin, name, service, trigger));
        return new PipelineOnTwin(stateMachineArn);
    }

    private static SmokeTestHook smokeHook(LocalTwin twin, GreenlightConfig config, Clock clock, boolean virtualTime) {
        if (virtualTime) {
            OffsetClock hookTime = new OffsetClock(clock);
            return new SmokeTestHook(twin.codeDeploy(), new FleetProbe(twin.fleet()), hookTime, hookTime, json(config));
        }
        return new SmokeTestHook(twin.codeDeploy(), JdkHttpProbe.create(), clock,
                duration -> Thread.sleep(duration.toMillis()), json(config));
    }

    /** The EventBridge rule that sends {@code service}'s ECR pushes to the trigger. */
    public static String pushRuleName(String service) {
        return "greenlight-" + service;
    }

    /** The rule the CDK app creates per service: this repository's successful pushes go to the trigger. */
    private static void pushRule(LocalTwin twin, String name, ServiceConfig service, String trigger) {
        String rule = pushRuleName(name);
        twin.eventBridge().putRule(request -> request.name(rule).eventPattern("""
                {"source": ["aws.ecr"], "detail-type": ["ECR Image Action"],
                 "detail": {"action-type": ["PUSH"], "result": ["SUCCESS"], "repository-name": ["%s"]}}"""
                .formatted(service.repository())));
        twin.eventBridge().putTargets(request -> request.rule(rule)
                .targets(Target.builder().id("trigger").arn(trigger).build()));
    }

    private static String json(GreenlightConfig config) {
        try {
            return Worker.JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
