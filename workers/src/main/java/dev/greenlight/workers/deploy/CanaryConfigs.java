package dev.greenlight.workers.deploy;

import dev.greenlight.workers.config.ServiceConfig.Canary;

/**
 * The CodeDeploy deployment configuration of a canary: {@code Greenlight.Canary{percent}Percent{minutes}Minutes},
 * a TimeBasedCanary for the ECS compute platform that shifts {@code percent} of production traffic to
 * green, and the rest {@code minutes} later.
 */
public final class CanaryConfigs {

    private CanaryConfigs() {
    }

    public static String name(Canary canary) {
        return "Greenlight.Canary" + canary.percent() + "Percent" + canary.minutes() + "Minutes";
    }
}
