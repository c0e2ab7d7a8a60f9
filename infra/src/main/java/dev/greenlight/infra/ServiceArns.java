package dev.greenlight.infra;

import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/** The ARNs of the configured services' resources in the stack's account and region: what workers may touch. */
final class ServiceArns {

    /** CodeDeploy's own config, which Rollback's redeploy uses. */
    static final String REDEPLOY_CONFIG = "CodeDeployDefault.ECSAllAtOnce";

    private final Stack stack;
    private final GreenlightConfig config;

    ServiceArns(Stack stack, GreenlightConfig config) {
        this.stack = stack;
        this.config = config;
    }

    List<String> repositories() {
        return each(s -> List.of(arn("ecr", "repository", s.repository(), ArnFormat.SLASH_RESOURCE_NAME)));
    }

    List<String> ecsServices() {
        return each(s -> List.of(arn("ecs", "service", s.cluster() + "/" + s.service(),
                ArnFormat.SLASH_RESOURCE_NAME)));
    }

    List<String> applications() {
        return each(s -> !onCodeDeploy(s) ? List.of() : List.of(arn("codedeploy", "application",
                s.codeDeploy().application(),
                ArnFormat.COLON_RESOURCE_NAME)));
    }

    List<String> deploymentGroups() {
        return each(s -> !onCodeDeploy(s) ? List.of() : List.of(arn("codedeploy", "deploymentgroup",
                s.codeDeploy().application() + "/" + s.codeDeploy().deploymentGroup(), ArnFormat.COLON_RESOURCE_NAME)));
    }

    /**
     * The deployment configs StartDeployment creates and uses: one per canary, named as the worker's
     * {@code CanaryConfigs.name} names them ({@code Greenlight.Canary10Percent15Minutes}: the interval is
     * canary.maxMinutes, the longest the canary share is held while evidence comes in).
     */
    List<String> canaryDeploymentConfigs() {
        return each(s -> !onCodeDeploy(s) ? List.of() : List.of(deploymentConfig("Greenlight.Canary"
                + s.canary().percent() + "Percent" + s.canary().maxMinutes() + "Minutes")));
    }

    /** CodeDeploy's own config of Rollback's redeploy, when some service is deployed by CodeDeploy. */
    List<String> redeployConfig() {
        return config.services().values().stream().anyMatch(ServiceArns::onCodeDeploy)
                ? List.of(deploymentConfig(REDEPLOY_CONFIG)) : List.of();
    }

    /**
     * A service on the ECS backend may keep its {@code codeDeploy} block (from before a migration); only a
     * service CodeDeploy deploys needs its CodeDeploy resources.
     */
    private static boolean onCodeDeploy(ServiceConfig service) {
        return service.backend() == ServiceConfig.Backend.codedeploy && service.codeDeploy() != null;
    }

    private String deploymentConfig(String name) {
        return arn("codedeploy", "deploymentconfig", name, ArnFormat.COLON_RESOURCE_NAME);
    }

    /** Every task definition revision: families and revisions are only known at run time. */
    String taskDefinitions() {
        return arn("ecs", "task-definition", "*", ArnFormat.SLASH_RESOURCE_NAME);
    }

    /** The service deployments of the services ECS deploys itself: their ARNs end in run-time ids. */
    List<String> ecsServiceDeployments() {
        return onEcs("service-deployment");
    }

    /** The service revisions of the services ECS deploys itself: their ARNs end in run-time ids. */
    List<String> ecsServiceRevisions() {
        return onEcs("service-revision");
    }

    private List<String> onEcs(String resourceType) {
        return each(s -> s.backend() != ServiceConfig.Backend.ecs ? List.of()
                : List.of(arn("ecs", resourceType, s.cluster() + "/" + s.service() + "/*",
                        ArnFormat.SLASH_RESOURCE_NAME)));
    }

    List<String> alarms() {
        return each(s -> s.alarms().stream()
                .map(name -> arn("cloudwatch", "alarm", name, ArnFormat.COLON_RESOURCE_NAME)).toList());
    }

    /** The configured event buses; a service without notifications uses the account's default bus. */
    List<String> eventBuses() {
        return each(s -> List.of(arn("events", "event-bus", s.notifications().eventBusName() == null ? "default"
                : s.notifications().eventBusName(), ArnFormat.SLASH_RESOURCE_NAME)));
    }

    List<String> topics() {
        return each(s -> s.notifications().topicArn() == null ? List.of() : List.of(s.notifications().topicArn()));
    }

    private String arn(String service, String resource, String name, ArnFormat format) {
        return stack.formatArn(ArnComponents.builder().service(service).resource(resource).resourceName(name)
                .arnFormat(format).build());
    }

    private List<String> each(Function<ServiceConfig, List<String>> arns) {
        Set<String> result = new LinkedHashSet<>();
        config.services().values().forEach(s -> result.addAll(arns.apply(s)));
        return List.copyOf(result);
    }
}
