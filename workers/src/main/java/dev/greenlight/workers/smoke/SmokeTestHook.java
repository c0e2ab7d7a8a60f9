package dev.greenlight.workers.smoke;

import static dev.greenlight.workers.core.InvalidInput.blank;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.greenlight.workers.backend.CodeDeployBackend;
import dev.greenlight.workers.backend.DeploymentBackend.HookSubject;
import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig.Smoke;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.Environment;
import dev.greenlight.workers.core.Worker;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * CodeDeploy's BeforeAllowTraffic hook: runs the service's smoke checks against the test listener,
 * which already routes to green, retrying the failing ones every {@code retryIntervalSeconds} while
 * green warms up, until all pass or {@code deadlineSeconds} has passed. It ALWAYS answers
 * PutLifecycleEventHookExecutionStatus: Succeeded or Failed, and Failed when anything throws half-way
 * (unknown service, bad configuration, an AWS error), before the error is rethrown. Unanswered
 * requests are failed checks, retried like any other.
 *
 * <p>After answering CodeDeploy it tags green's task definition with the report ({@link SmokeTags}), so the
 * pipeline's next look puts it in the execution history; a tagging failure is logged and changes nothing.
 *
 * <p>The service is the configuration entry whose {@code codeDeploy} names the deployment's
 * application and group; the configuration file comes from {@code GREENLIGHT_CONFIG} (JSON).
 */
public final class SmokeTestHook extends Worker<HookEvent, SmokeReport> {

    public static final String CONFIG_VARIABLE = "GREENLIGHT_CONFIG";

    private final CodeDeployBackend codeDeploy;
    private final EcsClient ecs;
    private final SmokeChecks checks;
    private final String configJson;
    private final java.util.function.Consumer<String> log;

    /** For the Lambda runtime. */
    public SmokeTestHook() {
        this(Clients.codeDeploy(), Clients.ecs(), JdkHttpProbe.create(), Clock.systemUTC(), Sleeper.threadSleep(),
                Environment.variable(CONFIG_VARIABLE));
    }

    /** @param configJson the configuration file's JSON; null when it is not set, which fails the hook */
    public SmokeTestHook(CodeDeployClient codeDeploy, EcsClient ecs, HttpProbe http, Clock clock, Sleeper sleeper,
            String configJson) {
        this(codeDeploy, ecs, http, clock, sleeper, configJson, System.out::println);
    }

    /** @param log where the evidence line goes: stdout on Lambda (CloudWatch Logs), elsewhere on the twin */
    public SmokeTestHook(CodeDeployClient codeDeploy, EcsClient ecs, HttpProbe http, Clock clock, Sleeper sleeper,
            String configJson, java.util.function.Consumer<String> log) {
        super(HookEvent.class);
        this.codeDeploy = new CodeDeployBackend(Objects.requireNonNull(codeDeploy, "codeDeploy"));
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        this.checks = new SmokeChecks(http, clock, sleeper);
        this.configJson = configJson;
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public SmokeReport apply(HookEvent event) {
        requireHookEvent(event);
        SmokeReport report;
        HookSubject deployment = null;
        try {
            deployment = codeDeploy.hookSubject(event.deploymentId());
            report = smokeTest(deployment);
        } catch (RuntimeException e) {
            reportFailedAfter(event, e);
            tagGreen(event, deployment, SmokeTags.crashed(event.deploymentId(), e));
            throw e;
        }
        report(event, report.status());
        log(event, report);
        tagGreen(event, deployment, SmokeTags.of(event.deploymentId(), report));
        return report;
    }

    /**
     * Tags green's task definition revision (the one the deployment's AppSpec names) with the report,
     * after CodeDeploy has its answer; never throws. The revision outlives a rollback, which removes
     * green's task set at once.
     */
    private void tagGreen(HookEvent event, HookSubject known, List<Tag> tags) {
        try {
            HookSubject deployment = known != null ? known : codeDeploy.hookSubject(event.deploymentId());
            String green = deployment.greenTaskDefinition();
            if (green == null) {
                throw new IllegalStateException("the deployment's AppSpec names no task definition");
            }
            ecs.tagResource(r -> r.resourceArn(green).tags(tags));
        } catch (RuntimeException e) {
            log.accept("greenlight smoke test of deployment " + event.deploymentId() + ": the report is not on "
                    + "green's task definition, so the pipeline's history will not show it ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); the verdict to CodeDeploy stands");
        }
    }

    private SmokeReport smokeTest(HookSubject deployment) {
        Smoke smoke = HookTarget.find(config(), deployment).getValue().smoke();
        return checks.run(smoke);
    }

    private GreenlightConfig config() {
        if (blank(configJson)) {
            throw new ConfigException(List.of("the environment variable " + CONFIG_VARIABLE + " is not set: set it "
                    + "to the configuration file's JSON (the pipeline stack does) so the hook knows the smoke checks"));
        }
        return ConfigLoader.parse(configJson);
    }

    private void report(HookEvent event, SmokeReport.Status status) {
        codeDeploy.answerHook(event.deploymentId(), event.lifecycleEventHookExecutionId(), status.codeDeploy());
    }

    /** Failed, so CodeDeploy rolls back now rather than after its one-hour hook timeout. */
    private void reportFailedAfter(HookEvent event, RuntimeException cause) {
        try {
            report(event, SmokeReport.Status.FAILED);
        } catch (RuntimeException reporting) {
            cause.addSuppressed(reporting);
        }
    }

    private static void requireHookEvent(HookEvent event) {
        if (event == null || blank(event.deploymentId()) || blank(event.lifecycleEventHookExecutionId())) {
            throw new IllegalArgumentException("the smoke-test hook is invoked by CodeDeploy with "
                    + "{\"DeploymentId\": ..., \"LifecycleEventHookExecutionId\": ...}, got " + event
                    + ": name this function in the AppSpec's Hooks under BeforeAllowTraffic instead of invoking it");
        }
    }

    /** The hook's answer goes to CodeDeploy, not to a caller: the log keeps the evidence. */
    private void log(HookEvent event, SmokeReport report) {
        try {
            log.accept("greenlight smoke test of deployment " + event.deploymentId() + ": "
                    + JSON.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            log.accept("greenlight smoke test of deployment " + event.deploymentId() + ": " + report);
        }
    }
}
