package dev.greenlight.workers.deploy;

import dev.greenlight.workers.config.ServiceConfig.Canary;

/**
 * The CodeDeploy deployment configuration of a canary: {@code Greenlight.Canary{percent}Percent{maxMinutes}Minutes},
 * a TimeBasedCanary for the ECS compute platform that shifts {@code percent} of production traffic to
 * green, and the rest {@code maxMinutes} later.
 *
 * <p>The interval is the canary's longest, not its usual length: CodeDeploy cannot end an ECS
 * canary interval early nor extend it (ContinueDeployment only ends the READY_WAIT and
 * TERMINATION_WAIT waits), so the canary share is held until the evidence is in, and the pipeline
 * decides at the last look before CodeDeploy would shift the rest: never 100 % on an unproven version.
 */
public final class CanaryConfigs {

    private CanaryConfigs() {
    }

    public static String name(Canary canary) {
        return "Greenlight.Canary" + canary.percent() + "Percent" + canary.maxMinutes() + "Minutes";
    }
}
