package dev.greenlight.workers.synthetic;

import static dev.greenlight.workers.core.InvalidInput.blank;

import dev.greenlight.workers.config.ServiceConfig.SyntheticLoad;
import dev.greenlight.workers.core.InvalidInput;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.smoke.HttpProbe;
import dev.greenlight.workers.smoke.JdkHttpProbe;
import dev.greenlight.workers.smoke.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Sends {@code requestsPerSecond} requests, the configured paths in turn, at the test listener for
 * {@code seconds}, and reports what came back. During a CodeDeploy ECS deployment the test listener
 * routes to green only, and on ECS blue/green from TEST_TRAFFIC_SHIFT on (before it, ECS's test rule
 * still forwards to blue), so a quiet service's green still serves enough requests for a verdict; the
 * load balancer counts them in green's target-group metrics like any other.
 *
 * <p>Each invocation stops within {@link #MAX_SECONDS}, below Lambda's 15 minutes: the watch loop
 * invokes it again for the next stretch, so load goes on for as long as the window lasts. Requests
 * leave on a fixed schedule from the start (a slow answer delays the next one, never the whole
 * stretch); HTTP failures are counted, not thrown: they are evidence.
 */
public final class DriveSyntheticLoad extends Worker<DriveSyntheticLoad.Input, LoadReport> {

    /** Lambda stops a function at 900 s; the last request's timeout and the report fit in the rest. */
    public static final int MAX_SECONDS = 840;

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** The service's test listener, its {@code canary.syntheticLoad}, and how long to drive it. */
    public record Input(String testUrl, SyntheticLoad load, int seconds) {
    }

    private final HttpProbe http;
    private final Clock clock;
    private final Sleeper sleeper;

    /** For the Lambda runtime. */
    public DriveSyntheticLoad() {
        this(JdkHttpProbe.create(), Clock.systemUTC(), Sleeper.threadSleep());
    }

    public DriveSyntheticLoad(HttpProbe http, Clock clock, Sleeper sleeper) {
        super(Input.class);
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public LoadReport apply(Input input) {
        requireUsable(input);
        SyntheticLoad load = input.load();
        int seconds = Math.min(input.seconds(), MAX_SECONDS);
        String base = input.testUrl().endsWith("/") ? input.testUrl().substring(0, input.testUrl().length() - 1)
                : input.testUrl();
        Instant start = clock.instant();
        Instant end = start.plusSeconds(seconds);
        LoadTally tally = new LoadTally(load.expectStatus());
        for (long i = 0; ; i++) {
            Instant due = start.plusNanos(Math.round(i * 1e9 / load.requestsPerSecond()));
            if (!due.isBefore(end) || !clock.instant().isBefore(end)) {
                break;
            }
            pauseUntil(due);
            send(URI.create(base + load.paths().get((int) (i % load.paths().size()))), tally);
        }
        pauseUntil(end);
        return new LoadReport(input.testUrl(), seconds, load.requestsPerSecond(), load.expectStatus(), tally.sent(),
                tally.byStatus(), tally.failures(), tally.latency(), start.toString(), clock.instant().toString());
    }

    private void send(URI uri, LoadTally tally) {
        try {
            HttpProbe.Answer answer = http.send("GET", uri, REQUEST_TIMEOUT);
            tally.answered(answer.status(), answer.latency());
        } catch (IOException e) {
            tally.unanswered();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("synthetic load was interrupted while sending to " + uri, e);
        }
    }

    private void pauseUntil(Instant due) {
        Duration wait = Duration.between(clock.instant(), due);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("synthetic load was interrupted between requests", e);
        }
    }

    private static void requireUsable(Input input) {
        SyntheticLoad load = input == null ? null : input.load();
        InvalidInput.of("DriveSyntheticLoad")
                .require(input != null && !blank(input.testUrl()), "testUrl is required: pass the service's "
                        + "smoke.testUrl (the test listener)")
                .require(load != null, "load is required: pass the service's canary.syntheticLoad")
                .require(load == null || load.requestsPerSecond() > 0, "load.requestsPerSecond must be positive")
                .require(load == null || (load.paths() != null && !load.paths().isEmpty()),
                        "load.paths must name at least one path")
                .require(input == null || input.seconds() > 0, "seconds must be positive: pass the watch's "
                        + "nextCheckSeconds")
                .orThrow();
    }
}
