package dev.greenlight.cli.demo;

import dev.greenlight.local.fleet.TrafficGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The demo's story, in rounds: a good version goes out, a bad one rolls back with users and again with
 * none (the synthetic load on green is then the only evidence), and (with a manual approval) a good one
 * waits for a person. Users send requests in every round but the one without.
 */
final class Demo {

    /** How long the twin may take to start two tasks, or an alarm to return to OK: a few periods of 60 s. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    private final DemoStage stage;
    private final Pause pause;
    private final ProgressDisplay display;
    /** The users of the rounds with users, stopped: what the round without users counts from (nothing more). */
    private TrafficGenerator stoppedUsers;

    Demo(DemoStage stage, Pause pause, ProgressDisplay display) {
        this.stage = stage;
        this.pause = pause;
        this.display = display;
    }

    /** @param manual the approver of a fourth, manual round; null for the three automatic rounds only */
    List<DeploymentSummary> run(ManualApproval manual) throws InterruptedException {
        List<DeploymentSummary> deployments = runWithUsers();
        await("the alarms to return to OK (a deployment does not start while one fires)", stage::alarmsQuiet);
        display.say("== 3. no users at all; push orders:3.1 (half its requests fail): only the synthetic load "
                + "on green shows it, rollback");
        deployments.add(new DeploymentRound(stage, stoppedUsers, pause, display).push("3.1", "errors:0.5", 0));
        if (manual != null) {
            await("the alarms to return to OK (a deployment does not start while one fires)", stage::alarmsQuiet);
            TrafficGenerator returning = stage.startUsers();
            try {
                display.say("== 4. users again; start orders:4.0 (healthy) with manual approval: it waits for a "
                        + "person");
                deployments.add(new DeploymentRound(stage, returning, pause, display)
                        .startManually("4.0", "healthy", manual));
            } finally {
                returning.stop();
            }
        }
        return deployments;
    }

    /**
     * The two rounds with users: 2.0 released, 3.0 rolled back. The real-time CDK test tells only these,
     * to keep within CI's budget; the third round adds nothing the deployed stacks could break.
     */
    List<DeploymentSummary> runWithUsers() throws InterruptedException {
        await("the 2 tasks of orders to pass their health checks", stage::serving);
        TrafficGenerator users = stage.startUsers();
        DeploymentRound round = new DeploymentRound(stage, users, pause, display);
        List<DeploymentSummary> deployments = new ArrayList<>();
        try {
            display.say("== 1. push orders:2.0 (healthy): verify, deploy, smoke-test, canary "
                    + stage.auto().canary().percent() + " % for " + stage.auto().canary().minutes()
                    + " min with synthetic load on green, bake " + stage.auto().bakeMinutes() + " min, promote");
            deployments.add(round.push("2.0", "healthy"));
            display.say("== 2. push orders:3.0 (half its requests fail): the canary's alarm fires, rollback");
            deployments.add(round.push("3.0", "errors:0.5"));
        } finally {
            users.stop();
            stoppedUsers = users;
        }
        return deployments;
    }

    private void await(String what, BooleanSupplier ready) throws InterruptedException {
        Instant start = stage.twin().clock().now();
        if (ready.getAsBoolean()) {
            return;
        }
        display.say("Waiting for " + what + "...");
        while (!ready.getAsBoolean()) {
            if (Duration.between(start, stage.twin().clock().now()).compareTo(READY_WITHIN) > 0) {
                throw new DemoFailed("gave up waiting for " + what + " after " + READY_WITHIN.toMinutes() + " minutes");
            }
            pause.pause(Duration.ofSeconds(1));
        }
    }
}
