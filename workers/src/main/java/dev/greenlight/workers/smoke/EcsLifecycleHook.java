package dev.greenlight.workers.smoke;

import static dev.greenlight.workers.core.InvalidInput.blank;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.greenlight.workers.backend.EcsBackend;
import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.Environment;
import dev.greenlight.workers.core.TransientAwsError;
import dev.greenlight.workers.core.Worker;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Amazon ECS's lifecycle hook for services on the ECS backend, one function for two jobs (its
 * {@code hookDetails} say which):
 * <ul>
 * <li>{@code smoke}, at POST_TEST_TRAFFIC_SHIFT: the service's smoke checks against the test listener,
 * which routes all test traffic to green; SUCCEEDED or FAILED, and FAILED when anything throws, so ECS
 * rolls back at once, except a transient AWS error (throttling, 5xx), which answers IN_PROGRESS. The report goes on green's task definition, as the CodeDeploy hook's does.</li>
 * <li>{@code promotion}, at POST_PRODUCTION_TRAFFIC_SHIFT: IN_PROGRESS, so ECS keeps blue and asks again
 * every {@link #GATE_CALL_BACK_SECONDS} s, until Promote has tagged green's task definition with this
 * deployment; then SUCCEEDED. The pipeline's bake and approval happen while the gate holds; a rollback
 * stops the deployment with StopServiceDeployment(ROLLBACK) instead.</li>
 * </ul>
 */
public final class EcsLifecycleHook extends Worker<EcsHookEvent, EcsHookAnswer> {

    static final int GATE_CALL_BACK_SECONDS = 30;

    private final EcsBackend backend;
    private final EcsClient ecs;
    private final SmokeChecks checks;
    private final String configJson;
    private final Consumer<String> log;

    /** For the Lambda runtime. */
    public EcsLifecycleHook() {
        this(Clients.ecs(), JdkHttpProbe.create(), Clock.systemUTC(), Sleeper.threadSleep(),
                Environment.variable(SmokeTestHook.CONFIG_VARIABLE), System.out::println);
    }

    public EcsLifecycleHook(EcsClient ecs, HttpProbe http, Clock clock, Sleeper sleeper, String configJson,
            Consumer<String> log) {
        super(EcsHookEvent.class);
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        this.backend = new EcsBackend(ecs, null, null);
        this.checks = new SmokeChecks(http, clock, sleeper);
        this.configJson = configJson;
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * An AWS error worth another try (throttling, 5xx, network) is not the release's fault: the answer is
     * IN_PROGRESS, and ECS invokes the hook again, where a failed function would roll back.
     */
    @Override
    public EcsHookAnswer apply(EcsHookEvent event) {
        requireHookEvent(event);
        try {
            return switch (event.job()) {
                case EcsBackend.PROMOTION -> promotionGate(event);
                case EcsBackend.SMOKE -> smokeTest(event);
                default -> throw new IllegalArgumentException("hookDetails.greenlight must be \"" + EcsBackend.SMOKE
                        + "\" or \"" + EcsBackend.PROMOTION + "\", got \"" + event.job() + "\": configure the hook "
                        + "as Greenlight's StartDeployment does");
            };
        } catch (SdkException e) {
            if (!TransientAwsError.isTransient(e)) {
                throw e;
            }
            log.accept("greenlight " + event.job() + " hook of " + event.targetServiceRevisionArn() + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "; ECS asks again");
            return EcsHookAnswer.inProgress(GATE_CALL_BACK_SECONDS);
        }
    }

    private EcsHookAnswer promotionGate(EcsHookEvent event) {
        String deployment = deploymentOf(event);
        String green = backend.taskDefinitionOf(event.targetServiceRevisionArn());
        return deployment.equals(backend.tagsOf(green).get(EcsBackend.PROMOTE_TAG)) ? EcsHookAnswer.SUCCEEDED
                : EcsHookAnswer.inProgress(GATE_CALL_BACK_SECONDS);
    }

    /**
     * Any failure but a transient AWS error (asked again, see {@link #apply}) is a FAILED answer: ECS
     * rolls back now rather than after the hook's timeout.
     */
    private EcsHookAnswer smokeTest(EcsHookEvent event) {
        String deployment = event.targetServiceRevisionArn();
        String green = null;
        try {
            deployment = deploymentOf(event);
            green = backend.taskDefinitionOf(event.targetServiceRevisionArn());
            SmokeReport report = checks.run(service(event).smoke());
            log(deployment, report);
            tag(deployment, green, SmokeTags.of(deployment, report));
            return report.status() == SmokeReport.Status.SUCCEEDED ? EcsHookAnswer.SUCCEEDED : EcsHookAnswer.FAILED;
        } catch (SdkException e) {
            if (TransientAwsError.isTransient(e)) {
                throw e;
            }
            return crashed(deployment, green, e);
        } catch (RuntimeException e) {
            return crashed(deployment, green, e);
        }
    }

    private EcsHookAnswer crashed(String deployment, String green, RuntimeException e) {
        log.accept("greenlight smoke test of service deployment " + deployment + " failed: "
                + e.getClass().getSimpleName() + ": " + e.getMessage());
        if (green != null) {
            tag(deployment, green, SmokeTags.crashed(deployment, e));
        }
        return EcsHookAnswer.FAILED;
    }

    private String deploymentOf(EcsHookEvent event) {
        return backend.deploymentOf(event.cluster(), event.service(), event.targetServiceRevisionArn())
                .orElseThrow(() -> new IllegalStateException("ECS has no running service deployment of "
                        + event.serviceArn() + " to " + event.targetServiceRevisionArn()));
    }

    private ServiceConfig service(EcsHookEvent event) {
        if (blank(configJson)) {
            throw new ConfigException(List.of("the environment variable " + SmokeTestHook.CONFIG_VARIABLE
                    + " is not set: set it to the configuration file's JSON so the hook knows the smoke checks"));
        }
        return ConfigLoader.parse(configJson).services().values().stream()
                .filter(service -> service.cluster().equals(event.cluster())
                        && service.service().equals(event.service()))
                .findFirst()
                .orElseThrow(() -> new ConfigException(List.of("no service in " + SmokeTestHook.CONFIG_VARIABLE
                        + " runs as " + event.cluster() + "/" + event.service() + ": set that service's cluster "
                        + "and service to them")));
    }

    /** After the answer is decided; a tagging failure is logged and changes nothing. */
    private void tag(String deployment, String green, List<Tag> tags) {
        try {
            ecs.tagResource(r -> r.resourceArn(green).tags(tags));
        } catch (RuntimeException e) {
            log.accept("greenlight smoke test of service deployment " + deployment + ": the report is not on "
                    + "green's task definition (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private void log(String deployment, SmokeReport report) {
        try {
            log.accept("greenlight smoke test of service deployment " + deployment + ": "
                    + JSON.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            log.accept("greenlight smoke test of service deployment " + deployment + ": " + report);
        }
    }

    private static void requireHookEvent(EcsHookEvent event) {
        if (event == null || blank(event.serviceArn()) || !event.serviceArn().contains(":service/")
                || blank(event.targetServiceRevisionArn()) || event.job() == null) {
            throw new IllegalArgumentException("the ECS lifecycle hook is invoked by Amazon ECS with {\"serviceArn\", "
                    + "\"targetServiceRevisionArn\", \"hookDetails\": {\"greenlight\": \"smoke\"|\"promotion\"}}, got "
                    + event + ": name this function in the service's deploymentConfiguration.lifecycleHooks instead "
                    + "of invoking it");
        }
    }
}
