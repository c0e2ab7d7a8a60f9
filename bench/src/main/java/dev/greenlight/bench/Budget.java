package dev.greenlight.bench;

import java.time.Duration;

/** How long to warm a scenario up and how long to measure it; rounds are never cut short. */
record Budget(Duration warmUp, Duration measure, int minMeasuredRounds) {

    Budget {
        if (warmUp.isNegative() || measure.isNegative() || minMeasuredRounds < 1) {
            throw new IllegalArgumentException("a budget needs durations of zero or more and at least one "
                    + "measured round: " + warmUp + ", " + measure + ", " + minMeasuredRounds);
        }
    }
}
