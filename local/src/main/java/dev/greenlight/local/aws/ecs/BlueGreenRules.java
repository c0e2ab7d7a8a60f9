package dev.greenlight.local.aws.ecs;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.AdvancedConfiguration;
import software.amazon.awssdk.services.ecs.model.CanaryConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.LinearConfiguration;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;

/**
 * The documented rules of an ECS-native blue/green, canary or linear service (API reference:
 * DeploymentConfiguration, CanaryConfiguration, LinearConfiguration, AdvancedConfiguration,
 * DeploymentLifecycleHook). The ranges are AWS's; AWS does not publish the exact wording of most of
 * these refusals, so the messages here are the twin's, except where quoted.
 */
final class BlueGreenRules {

    static final Set<DeploymentStrategy> TRAFFIC_SHIFTING = EnumSet.of(DeploymentStrategy.BLUE_GREEN,
            DeploymentStrategy.CANARY, DeploymentStrategy.LINEAR);

    private BlueGreenRules() {
    }

    /** A configuration without a strategy (only MaximumPercent, say) is a ROLLING one: an EnumSet holds no null. */
    static boolean shiftsTraffic(DeploymentConfiguration configuration) {
        return configuration != null && TRAFFIC_SHIFTING.contains(configuration.strategy());
    }

    /** At CreateService and UpdateService, before anything changes. */
    static void check(DeploymentControllerType controller, DeploymentConfiguration configuration,
            List<LoadBalancer> loadBalancers) {
        if (!shiftsTraffic(configuration)) {
            return;
        }
        if (controller != DeploymentControllerType.ECS) {
            throw EcsErrors.invalidParameter("The " + configuration.strategyAsString() + " deployment strategy "
                    + "requires the ECS deployment controller.");
        }
        minutes("bakeTimeInMinutes", configuration.bakeTimeInMinutes());
        if (configuration.strategy() == DeploymentStrategy.CANARY) {
            CanaryConfiguration canary = configuration.canaryConfiguration();
            if (canary != null) {
                percent("canaryPercent", canary.canaryPercent(), 0.1);
                minutes("canaryBakeTimeInMinutes", canary.canaryBakeTimeInMinutes());
            }
        }
        if (configuration.strategy() == DeploymentStrategy.LINEAR) {
            LinearConfiguration linear = configuration.linearConfiguration();
            if (linear != null) {
                percent("stepPercent", linear.stepPercent(), 3.0);
                minutes("stepBakeTimeInMinutes", linear.stepBakeTimeInMinutes());
            }
        }
        for (DeploymentLifecycleHook hook : configuration.lifecycleHooks()) {
            if (hook.hookTargetArn() == null || hook.hookTargetArn().isBlank()) {
                throw EcsErrors.invalidParameter("A lifecycle hook must specify hookTargetArn.");
            }
            if (hook.lifecycleStages().isEmpty()) {
                throw EcsErrors.invalidParameter("A lifecycle hook must specify at least one lifecycle stage.");
            }
            if (hook.roleArn() == null || hook.roleArn().isBlank()) {
                throw EcsErrors.invalidParameter("A lifecycle hook must specify roleArn: the role that lets Amazon "
                        + "ECS invoke " + hook.hookTargetArn() + ".");
            }
        }
        for (LoadBalancer balancer : loadBalancers) {
            AdvancedConfiguration advanced = balancer.advancedConfiguration();
            if (advanced == null || advanced.alternateTargetGroupArn() == null
                    || advanced.productionListenerRule() == null || advanced.roleArn() == null) {
                throw EcsErrors.invalidParameter("A load balancer of a service with the "
                        + configuration.strategyAsString() + " deployment strategy needs an advancedConfiguration "
                        + "with alternateTargetGroupArn, productionListenerRule and roleArn.");
            }
            if (advanced.alternateTargetGroupArn().equals(balancer.targetGroupArn())) {
                throw EcsErrors.invalidParameter("The alternateTargetGroupArn must differ from the targetGroupArn.");
            }
        }
    }

    /**
     * When a deployment starts: the rule must already forward to both target groups (weights may be 0).
     * The message is the one AWS gives.
     */
    static void checkRule(String rule, Map<String, Integer> weights, String targetGroup, String alternate) {
        if (!weights.containsKey(targetGroup) || !weights.containsKey(alternate)) {
            throw EcsErrors.invalidParameter("Both targetGroup and alternateTargetGroup must be associated with "
                    + "the productionListenerRule or testListenerRule. Rule " + rule + " forwards to "
                    + weights.keySet() + ".");
        }
    }

    private static void minutes(String field, Integer minutes) {
        if (minutes != null && (minutes < 0 || minutes > 1440)) {
            throw EcsErrors.invalidParameter(field + " must be between 0 and 1440 minutes, got " + minutes + ".");
        }
    }

    /** Multiples of 0.1 from {@code min} to 100.0. */
    private static void percent(String field, Double percent, double min) {
        if (percent == null) {
            return;
        }
        double tenths = percent * 10;
        if (percent < min || percent > 100.0 || Math.abs(tenths - Math.rint(tenths)) > 1e-9) {
            throw EcsErrors.invalidParameter(field + " must be a multiple of 0.1 from " + min + " to 100.0, got "
                    + percent + ".");
        }
    }
}
