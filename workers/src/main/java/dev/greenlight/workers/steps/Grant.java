package dev.greenlight.workers.steps;

import dev.greenlight.workers.config.ServiceConfig.Backend;
import java.util.List;
import java.util.Objects;

/**
 * One IAM statement a step's role needs: the actions, on which of the configured services'
 * resources, with an optional condition. The CDK app turns the scope into ARNs; the scope names what
 * the calls touch, so the step that makes the calls says what it may touch.
 */
public record Grant(List<String> actions, Scope scope, Condition condition, Backend backend) {

    public Grant {
        actions = List.copyOf(actions);
        Objects.requireNonNull(scope, "scope");
    }

    public static Grant on(Scope scope, String... actions) {
        return new Grant(List.of(actions), scope, null, null);
    }

    public Grant when(String operator, String key, String value) {
        return new Grant(actions, scope, new Condition(operator, key, value), backend);
    }

    /** Only needed when some configured service is deployed by {@code only}; null: whatever deploys it. */
    public Grant forBackend(Backend only) {
        return new Grant(actions, scope, condition, only);
    }

    /** An IAM condition with one key: {@code {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}. */
    public record Condition(String operator, String key, String value) {
    }

    /** The resources of a statement, for every configured service. */
    public enum Scope {
        /** The action supports no resource-level permission (AWS Service Authorization Reference). */
        ANY,
        REPOSITORIES,
        ECS_SERVICES,
        /** The service deployments of the services ECS deploys itself. */
        ECS_SERVICE_DEPLOYMENTS,
        /** The service revisions of the services ECS deploys itself. */
        ECS_SERVICE_REVISIONS,
        TASK_DEFINITIONS,
        ALARMS,
        CODEDEPLOY_APPLICATIONS,
        CODEDEPLOY_DEPLOYMENT_GROUPS,
        /** The deployment configs StartDeployment creates, one per canary. */
        CANARY_DEPLOYMENT_CONFIGS,
        /** CodeDeploy's own config that a rollback redeploy uses. */
        REDEPLOY_DEPLOYMENT_CONFIG,
        EVENT_BUSES,
        /** The pipeline's topic and the services' own. */
        TOPICS,
        STATE_MACHINE,
        STATE_MACHINE_EXECUTIONS
    }
}
