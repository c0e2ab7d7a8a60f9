package dev.greenlight.workers.alarm;

import dev.greenlight.workers.backend.Backends;
import dev.greenlight.workers.backend.CodeDeployBackend;
import dev.greenlight.workers.backend.DeploymentBackend;
import dev.greenlight.workers.backend.DeploymentBackend.Release;
import dev.greenlight.workers.core.Environment;
import dev.greenlight.workers.smoke.SmokeTestHook;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.Worker;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;

/**
 * Reacts at once to an alarm going to ALARM: EventBridge sends CloudWatch's "CloudWatch Alarm State
 * Change" event here, and every active deployment of each service that watches the alarm is stopped
 * with rollback, so production traffic is back on blue without waiting for the pipeline's next look.
 * The pipeline's next look then sees the alarm and finishes its rollback path as before (its Rollback
 * finds the deployment already rolled back); polling stays the fallback when an event is lost.
 *
 * <p>Safe to repeat and to receive late: no active deployment, one that ended meanwhile, a rollback
 * deployment (CodeDeploy's or Greenlight's redeploy), or one created after the alarm's transition is
 * left alone. Any other state than ALARM does nothing.
 */
public final class StopOnAlarm extends Worker<AlarmStateChange, StopOnAlarm.Output> {

    /** The event's timestamps: {@code 2019-10-02T17:04:40.985+0000}. */
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    public record Output(String alarmName, String state, List<StoppedDeployment> deployments) {
    }

    private final Backends backends;
    private final GreenlightConfig config;

    /** For the Lambda runtime: the configuration file's JSON in {@code GREENLIGHT_CONFIG}. */
    public StopOnAlarm() {
        this(Backends.fromEnvironment(), ConfigLoader.parse(configFromEnvironment()));
    }

    public StopOnAlarm(CodeDeployClient codeDeploy, GreenlightConfig config) {
        this(Backends.codeDeployOnly(new CodeDeployBackend(codeDeploy)), config);
    }

    public StopOnAlarm(Backends backends, GreenlightConfig config) {
        super(AlarmStateChange.class);
        this.backends = Objects.requireNonNull(backends, "backends");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Output apply(AlarmStateChange event) {
        AlarmStateChange.Detail detail = requireAlarmEvent(event);
        String state = detail.state().value();
        List<StoppedDeployment> done = new ArrayList<>();
        if (!"ALARM".equals(state)) {
            return new Output(detail.alarmName(), state, done);
        }
        Instant firedAt = firedAt(detail.state().timestamp());
        for (Map.Entry<String, ServiceConfig> service : config.services().entrySet()) {
            if (service.getValue().alarms().contains(detail.alarmName())) {
                DeploymentBackend backend = backends.forService(service.getValue());
                for (Release deployment : backend.activeReleases(service.getValue())) {
                    done.add(stop(backend, service.getKey(), deployment, firedAt));
                }
            }
        }
        return new Output(detail.alarmName(), state, done);
    }

    private StoppedDeployment stop(DeploymentBackend backend, String service, Release deployment, Instant firedAt) {
        if (firedAt != null && deployment.createdAt() != null && deployment.createdAt().isAfter(firedAt)) {
            return new StoppedDeployment(service, deployment.deploymentId(),
                    StoppedDeployment.Result.STARTED_AFTER_ALARM);
        }
        return new StoppedDeployment(service, deployment.deploymentId(),
                backend.stopWithRollback(deployment.deploymentId()) ? StoppedDeployment.Result.STOPPED
                        : StoppedDeployment.Result.ALREADY_ENDED);
    }

    /** Null when the event's timestamp is missing or unreadable: then every active release is stopped. */
    private static Instant firedAt(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp, EVENT_TIME).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static AlarmStateChange.Detail requireAlarmEvent(AlarmStateChange event) {
        if (event == null || event.detail() == null || event.detail().alarmName() == null
                || event.detail().state() == null) {
            throw new IllegalArgumentException("StopOnAlarm is invoked by an EventBridge rule with CloudWatch's "
                    + "\"CloudWatch Alarm State Change\" event (detail.alarmName, detail.state.value), got " + event
                    + ": point the rule's target at this function instead of invoking it");
        }
        return event.detail();
    }

    private static String configFromEnvironment() {
        String json = Environment.variable(SmokeTestHook.CONFIG_VARIABLE);
        if (json == null || json.isBlank()) {
            throw new IllegalStateException("StopOnAlarm needs the environment variable GREENLIGHT_CONFIG (the "
                    + "configuration file's JSON) to know which services watch which alarms");
        }
        return json;
    }
}
