package dev.greenlight.workers.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.backend.Backends;
import dev.greenlight.workers.backend.DeploymentBackend;
import dev.greenlight.workers.backend.DeploymentNotFound;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.DeploymentInput;
import dev.greenlight.workers.core.Worker;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Where a deployment is now: the execution's status and current state, its deployment as the service's
 * backend (CodeDeploy or ECS blue/green) reports it, how production traffic is split between the target
 * groups, and the service's alarms.
 *
 * @param state            the state entered last; null before the first
 * @param deploymentId     null until StartDeployment answered
 * @param deploymentStatus the backend's own word for it ({@code InProgress},
 *                         {@code IN_PROGRESS (PRODUCTION_TRAFFIC_SHIFT)}); null until StartDeployment answered
 * @param approval         the manual approval waiting for an answer now, or null
 * @param retrying         what the current step waits for when its worker answered "not yet" (Preflight
 *                         waiting for a stale alarm to clear, or for another deployment to end), or null
 */
public record DeploymentStatus(String execution, ExecutionStatus status, String state, String deploymentId,
        String deploymentStatus, AskedApproval approval, RetriedWait retrying, TrafficSplit traffic, List<Alarm> alarms,
        String error, String cause) {

    /** @param role blue, green or null, as the watch step last reported it */
    public record Alarm(String name, String state, String role) {
    }

    /**
     * Reads it from the execution's history, the service's backend (the deployment and the production
     * route), the load balancer and the alarms; the definition (its Retry policies) only when a step waits.
     */
    public static DeploymentStatus of(ExecutionHistory history, Supplier<JsonNode> definition, Backends backends,
            ElasticLoadBalancingV2Client elb, CloudWatchClient cloudWatch) {
        ServiceConfig config = input(history).config();
        DeploymentBackend backend = backends.forService(config);
        String deploymentId = AuditReport.of(history).timeline().stream()
                .filter(step -> step.state().equals("StartDeployment") && step.evidence() != null)
                .map(step -> step.evidence().path("deploymentId").asText(null)).filter(Objects::nonNull)
                .reduce((first, second) -> second).orElse(null);
        return new DeploymentStatus(history.execution().name(), history.execution().status(),
                history.currentState().orElse(null), deploymentId,
                deploymentId == null ? null : deploymentStatus(backend, deploymentId),
                AskedApproval.waiting(history.execution().name(), history.events()).orElse(null),
                RetriedWait.of(history, definition).orElse(null), TrafficSplit.ofProduction(elb, backend.production(config)),
                alarms(cloudWatch, config, AlarmRoles.of(history.events())), history.execution().error(),
                history.execution().cause());
    }

    /** The backend's word for the deployment, or why it has none: an old execution outlives ECS's record. */
    private static String deploymentStatus(DeploymentBackend backend, String deploymentId) {
        try {
            return backend.look(deploymentId).status();
        } catch (DeploymentNotFound gone) {
            return "gone: " + gone.why();
        }
    }

    /** Whether a manual approval waits for an answer now. */
    public boolean waitingApproval() {
        return approval != null;
    }

    public boolean ended() {
        return status != ExecutionStatus.RUNNING;
    }

    /** The error and cause for a person; null unless it failed. */
    public Failure failure() {
        return Failure.of(error, cause);
    }

    /** The execution's input, as the trigger or {@code greenlight start} wrote it. */
    public static DeploymentInput input(ExecutionHistory history) {
        try {
            return Worker.JSON.readValue(history.execution().input(), DeploymentInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("execution " + history.execution().name() + " has an input that is not "
                    + "a deployment's: " + e.getOriginalMessage(), e);
        }
    }

    private static List<Alarm> alarms(CloudWatchClient cloudWatch, ServiceConfig config, Map<String, String> roles) {
        if (config.alarms() == null || config.alarms().isEmpty()) {
            return List.of();
        }
        return cloudWatch.describeAlarms(r -> r.alarmNames(config.alarms())).metricAlarms().stream()
                .map(alarm -> new Alarm(alarm.alarmName(), alarm.stateValueAsString(), roles.get(alarm.alarmName())))
                .toList();
    }
}
