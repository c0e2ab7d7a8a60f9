package dev.greenlight.local.asl.eval;

import dev.greenlight.local.asl.component.Retrier;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/** What a Retry field decides about one failure: a pure function of the retriers and the attempts so far. */
sealed interface RetryDecision {

    /** Try again after {@code delay}; {@code retrier} is the index whose attempt count goes up. */
    record Retry(int retrier, Duration delay) implements RetryDecision {
    }

    /** A retrier matched, but it has no attempts left: go on to Catch. */
    record Exhausted() implements RetryDecision {
    }

    /** No retrier matches the error. */
    record NotMatched() implements RetryDecision {
    }

    /**
     * @param attempts how many retries each retrier has already made in this state entry
     */
    static RetryDecision decide(List<Retrier> retriers, String error, int[] attempts, RandomGenerator random) {
        for (int i = 0; i < retriers.size(); i++) {
            Retrier retrier = retriers.get(i);
            if (!ErrorMatch.matches(retrier.errorEquals(), error)) {
                continue;
            }
            if (attempts[i] >= retrier.maxAttempts()) {
                return new Exhausted();
            }
            return new Retry(i, delay(retrier, attempts[i], random));
        }
        return new NotMatched();
    }

    /** IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds, drawn from [0, that) under FULL jitter. */
    private static Duration delay(Retrier retrier, int attempt, RandomGenerator random) {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt);
        if (retrier.maxDelaySeconds() != null) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds());
        }
        if (retrier.jitterStrategy() == Retrier.JitterStrategy.FULL) {
            synchronized (random) {
                seconds = random.nextDouble() * seconds;
            }
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
