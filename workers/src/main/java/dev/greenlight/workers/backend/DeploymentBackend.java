package dev.greenlight.workers.backend;

import dev.greenlight.workers.analysis.Roles;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.rollback.RollbackAction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the pipeline asks of whatever runs a blue/green deployment of a service's task definition:
 * start it, look at it, promote it, roll it back, stop it when an alarm fires, say whether the
 * service is busy, and the smoke-test hook's side of the contract. Answers speak the pipeline's
 * words ({@link Phase}); the backend's own status goes along for the history.
 */
public interface DeploymentBackend {

    /** Starts deploying {@code taskDefinitionArn}; a retry after the start went through adopts what it started. */
    Started start(String taskDefinitionArn, ServiceConfig config);

    /** One look at a deployment: its phase, error, green's task definition and the target groups' roles. */
    Look look(String deploymentId);

    /** Ends the wait that keeps blue; empty when the deployment had succeeded already, else which wait ended. */
    Optional<String> promote(String deploymentId);

    /** Puts production back on the previous version, whatever state the deployment is in. */
    Undo rollBack(String deploymentId, String previousTaskDefinitionArn, ServiceConfig config, String reason);

    /** The service's deployments that have not ended and release something (not rollbacks). */
    List<Release> activeReleases(ServiceConfig config);

    /** Stops a running deployment, rolling back; false when it had ended already. */
    boolean stopWithRollback(String deploymentId);

    /** A deployment of the service still running, described for a person; empty when the service is free. */
    Optional<String> busy(ServiceConfig config);

    /** The production listeners and the alarms on which the backend itself stops a deployment. */
    Production production(ServiceConfig config);

    /** The smoke-test hook's subject: green's task definition and which configured service it belongs to. */
    HookSubject hookSubject(String deploymentId);

    /** {@code startedAt}: now for a new deployment, null to let the worker say when; the config's name for the history. */
    record Started(String deploymentId, Instant startedAt, String deploymentConfigName) {
    }

    /**
     * {@code status} is the backend's own word (CodeDeploy's InProgress, Succeeded, …), for the history;
     * {@code greenTaskDefinition} and {@code roles} are null while unknown.
     */
    record Look(String deploymentId, Phase phase, String status, String errorCode, String errorMessage,
            String greenTaskDefinition, Roles roles) {
    }

    /** What a rollback did; {@code rollbackDeploymentId} is the backend's rollback or the redeploy, null when none. */
    record Undo(RollbackAction action, String rollbackDeploymentId, String deploymentStatus, String message) {
    }

    record Release(String deploymentId, Instant createdAt) {
    }

    /**
     * Where production traffic is routed: listeners (their default actions) or listener rules; both empty
     * when no load balancer is known. {@code stoppingAlarms} empty when none stop the deployment.
     */
    record Production(String name, List<String> listenerArns, List<String> listenerRuleArns,
            List<String> stoppingAlarms) {
    }

    /** {@code belongs} picks the configured service; {@code target} names it for an error message. */
    record HookSubject(String greenTaskDefinition, Predicate<ServiceConfig> belongs, String target) {
    }
}
