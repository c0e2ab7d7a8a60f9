package dev.greenlight.workers.smoke;

import dev.greenlight.workers.config.ServiceConfig.SmokeCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The smoke hook's decisions, without I/O: whether an answer passes a check, and what to do next. */
final class SmokeVerdicts {

    /** How long a request without a latency budget may take. */
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MIN_REQUEST_TIMEOUT = Duration.ofSeconds(1);

    private SmokeVerdicts() {
    }

    /** What to do after a round of checks. */
    sealed interface Next permits Passed, Failed, RetryAfter {
    }

    /** Every check passed: report Succeeded. */
    record Passed() implements Next {
    }

    /** The deadline passed with a check still failing: report Failed. */
    record Failed() implements Next {
    }

    /** Green may still be warming up: wait, then run the failing checks again. */
    record RetryAfter(Duration delay) implements Next {
    }

    static String label(SmokeCheck check) {
        return check.method() + " " + check.path();
    }

    /** The answer against the check: status, body, latency budget; every miss is named. */
    static CheckResult assess(SmokeCheck check, HttpProbe.Answer answer) {
        List<String> misses = new ArrayList<>();
        if (answer.status() != check.expectStatus()) {
            misses.add("expected status " + check.expectStatus() + ", got " + answer.status());
        }
        String expected = check.bodyContains();
        if (expected != null && !expected.isEmpty() && (answer.body() == null || !answer.body().contains(expected))) {
            misses.add("the body does not contain \"" + expected + "\"");
        }
        long latencyMs = answer.latency().toMillis();
        if (check.maxLatencyMs() != null && latencyMs > check.maxLatencyMs()) {
            misses.add("took " + latencyMs + " ms, over the " + check.maxLatencyMs() + " ms budget");
        }
        return new CheckResult(label(check), misses.isEmpty(), answer.status(), latencyMs,
                misses.isEmpty() ? null : String.join("; ", misses));
    }

    /** A request that got no answer: a failed check, retried like any other while green warms up. */
    static CheckResult unanswered(SmokeCheck check, String why) {
        return new CheckResult(label(check), false, null, null, why);
    }

    /**
     * A request waits at most for its latency budget (a slower answer fails anyway), else
     * {@link #DEFAULT_REQUEST_TIMEOUT}, and no longer than the time left to the deadline (at least a second).
     */
    static Duration requestTimeout(SmokeCheck check, Duration left) {
        Duration budget = check.maxLatencyMs() == null ? DEFAULT_REQUEST_TIMEOUT
                : Duration.ofMillis(check.maxLatencyMs());
        Duration allowed = left.compareTo(MIN_REQUEST_TIMEOUT) < 0 ? MIN_REQUEST_TIMEOUT : left;
        return budget.compareTo(allowed) < 0 ? budget : allowed;
    }

    /**
     * All passed: done. Otherwise retry after {@code interval}, or at the deadline when that comes
     * sooner, so the last attempt is made at the deadline; once it has passed, the hook fails.
     */
    static Next next(List<CheckResult> results, Instant now, Instant deadline, Duration interval) {
        if (results.stream().allMatch(CheckResult::passed)) {
            return new Passed();
        }
        if (!now.isBefore(deadline)) {
            return new Failed();
        }
        Duration left = Duration.between(now, deadline);
        return new RetryAfter(left.compareTo(interval) < 0 ? left : interval);
    }
}
