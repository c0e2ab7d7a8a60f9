package dev.greenlight.local.aws.codedeploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.codedeploy.model.TimeBasedCanary;
import software.amazon.awssdk.services.codedeploy.model.TimeBasedLinear;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoutingConfig;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoutingType;

/** How a deployment configuration shifts production traffic to the replacement task set. */
sealed interface TrafficRouting {

    /** The weights AllowTraffic sets, in order; the last one is always 100. */
    List<TrafficStep> steps();

    TrafficRoutingConfig toSdk();

    /** All traffic at once. */
    record AllAtOnce() implements TrafficRouting {
        @Override
        public List<TrafficStep> steps() {
            return List.of(new TrafficStep(Duration.ZERO, 100));
        }

        @Override
        public TrafficRoutingConfig toSdk() {
            return TrafficRoutingConfig.builder().type(TrafficRoutingType.ALL_AT_ONCE).build();
        }
    }

    /** {@code percent} first, the rest {@code intervalMinutes} later. */
    record Canary(int percent, int intervalMinutes) implements TrafficRouting {
        @Override
        public List<TrafficStep> steps() {
            return List.of(new TrafficStep(Duration.ZERO, percent),
                    new TrafficStep(Duration.ofMinutes(intervalMinutes), 100));
        }

        @Override
        public TrafficRoutingConfig toSdk() {
            return TrafficRoutingConfig.builder().type(TrafficRoutingType.TIME_BASED_CANARY)
                    .timeBasedCanary(TimeBasedCanary.builder().canaryPercentage(percent)
                            .canaryInterval(intervalMinutes).build())
                    .build();
        }
    }

    /** {@code percent} more every {@code intervalMinutes}, the first increment at once, until all. */
    record Linear(int percent, int intervalMinutes) implements TrafficRouting {
        @Override
        public List<TrafficStep> steps() {
            List<TrafficStep> steps = new ArrayList<>();
            for (int i = 0; steps.isEmpty() || steps.get(steps.size() - 1).replacementPercent() < 100; i++) {
                steps.add(new TrafficStep(Duration.ofMinutes((long) i * intervalMinutes),
                        Math.min(100, (i + 1) * percent)));
            }
            return List.copyOf(steps);
        }

        @Override
        public TrafficRoutingConfig toSdk() {
            return TrafficRoutingConfig.builder().type(TrafficRoutingType.TIME_BASED_LINEAR)
                    .timeBasedLinear(TimeBasedLinear.builder().linearPercentage(percent)
                            .linearInterval(intervalMinutes).build())
                    .build();
        }
    }

    /** CreateDeploymentConfig's trafficRoutingConfig, validated; absent means all at once. */
    static TrafficRouting from(TrafficRoutingConfig config) {
        if (config == null || config.type() == null || config.type() == TrafficRoutingType.ALL_AT_ONCE) {
            return new AllAtOnce();
        }
        if (config.type() == TrafficRoutingType.TIME_BASED_CANARY && config.timeBasedCanary() != null) {
            TimeBasedCanary canary = config.timeBasedCanary();
            return new Canary(percent(canary.canaryPercentage()), interval(canary.canaryInterval()));
        }
        if (config.type() == TrafficRoutingType.TIME_BASED_LINEAR && config.timeBasedLinear() != null) {
            TimeBasedLinear linear = config.timeBasedLinear();
            return new Linear(percent(linear.linearPercentage()), interval(linear.linearInterval()));
        }
        throw CodeDeployErrors.invalidTrafficRouting("The configuration for traffic routing is invalid: type "
                + config.typeAsString() + " needs its matching timeBasedCanary or timeBasedLinear settings.");
    }

    private static int percent(Integer percent) {
        if (percent == null || percent < 1 || percent > 99) {
            throw CodeDeployErrors.invalidTrafficRouting(
                    "The traffic routing percentage must be between 1 and 99: " + percent);
        }
        return percent;
    }

    private static int interval(Integer minutes) {
        if (minutes == null || minutes < 1) {
            throw CodeDeployErrors.invalidTrafficRouting(
                    "The traffic routing interval must be at least 1 minute: " + minutes);
        }
        return minutes;
    }
}
