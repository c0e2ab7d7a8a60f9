package dev.greenlight.local.aws.eventbridge;

import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The runs of scheduled rules on the clock: one chain of timers per rule, restarted when the rule
 * is put again and stopped when it is deleted, each run planning the next.
 */
final class ScheduledRuns {

    /** Runs the rule once; false when the rule is gone or has another schedule, which ends the chain. */
    interface Run {
        boolean run(String ruleName, Schedule schedule, Instant due);
    }

    /** One rule's current chain; a timer of a replaced chain finds itself no longer current and stops. */
    private static final class Chain {
        private Clock.Timer timer;
    }

    private final Clock clock;
    private final Run run;
    private final Map<String, Chain> chains = new HashMap<>();

    ScheduledRuns(Clock clock, Run run) {
        this.clock = clock;
        this.run = run;
    }

    synchronized void restart(EventRule rule) {
        stop(rule.name());
        rule.schedule().ifPresent(schedule -> {
            Chain chain = new Chain();
            chains.put(rule.name(), chain);
            plan(rule.name(), chain, schedule, schedule.next(clock.now()));
        });
    }

    synchronized void stop(String ruleName) {
        Chain chain = chains.remove(ruleName);
        if (chain != null && chain.timer != null) {
            chain.timer.cancel();
        }
    }

    private void plan(String ruleName, Chain chain, Schedule schedule, Instant due) {
        if (due.equals(Instant.MAX)) {
            chains.remove(ruleName);
            return;
        }
        chain.timer = clock.schedule(Duration.between(clock.now(), due), () -> fire(ruleName, chain, schedule, due));
    }

    private void fire(String ruleName, Chain chain, Schedule schedule, Instant due) {
        synchronized (this) {
            if (chains.get(ruleName) != chain) {
                return;
            }
        }
        boolean goesOn = run.run(ruleName, schedule, due);
        synchronized (this) {
            if (chains.get(ruleName) != chain) {
                return;
            }
            if (goesOn) {
                plan(ruleName, chain, schedule, schedule.next(due));
            } else {
                chains.remove(ruleName);
            }
        }
    }
}
