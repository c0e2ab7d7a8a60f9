package dev.greenlight.workers.smoke;

import dev.greenlight.workers.config.ServiceConfig.Smoke;
import dev.greenlight.workers.config.ServiceConfig.SmokeCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A service's smoke checks against its test listener, retried while green warms up: the same run
 * whichever backend's hook asks for it (CodeDeploy's BeforeAllowTraffic, ECS's POST_TEST_TRAFFIC_SHIFT).
 */
final class SmokeChecks {

    private final HttpProbe http;
    private final Clock clock;
    private final Sleeper sleeper;

    SmokeChecks(HttpProbe http, Clock clock, Sleeper sleeper) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Runs every check, then only the failing ones, until all pass or the deadline has passed. */
    SmokeReport run(Smoke smoke) {
        Instant deadline = clock.instant().plusSeconds(smoke.deadlineSeconds());
        Duration interval = Duration.ofSeconds(smoke.retryIntervalSeconds());
        String base = smoke.testUrl().endsWith("/") ? smoke.testUrl().substring(0, smoke.testUrl().length() - 1)
                : smoke.testUrl();
        List<CheckResult> results = new ArrayList<>(Collections.nCopies(smoke.checks().size(), null));
        int[] attempts = new int[results.size()];
        while (true) {
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) == null || !results.get(i).passed()) {
                    results.set(i, attempt(smoke.checks().get(i), base, deadline).withAttempts(++attempts[i]));
                }
            }
            SmokeVerdicts.Next next = SmokeVerdicts.next(results, clock.instant(), deadline, interval);
            if (next instanceof SmokeVerdicts.Passed) {
                return new SmokeReport(SmokeReport.Status.SUCCEEDED, results);
            }
            if (next instanceof SmokeVerdicts.Failed) {
                return new SmokeReport(SmokeReport.Status.FAILED, results);
            }
            pause(((SmokeVerdicts.RetryAfter) next).delay());
        }
    }

    private CheckResult attempt(SmokeCheck check, String base, Instant deadline) {
        URI uri = URI.create(base + check.path());
        Duration timeout = SmokeVerdicts.requestTimeout(check, Duration.between(clock.instant(), deadline));
        try {
            return SmokeVerdicts.assess(check, http.send(check.method(), uri, timeout));
        } catch (HttpTimeoutException e) {
            return SmokeVerdicts.unanswered(check, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return SmokeVerdicts.unanswered(check, "no answer from " + uri + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the smoke test was interrupted during " + SmokeVerdicts.label(check), e);
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the smoke test was interrupted while waiting for green to warm up", e);
        }
    }
}
