package dev.greenlight.workers.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.workers.config.ServiceConfig.SyntheticLoad;
import dev.greenlight.workers.core.InvalidInput;
import dev.greenlight.workers.smoke.FakeTime;
import dev.greenlight.workers.smoke.HttpProbe;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker against a scripted prober on a clock that moves only when it sleeps. */
class DriveSyntheticLoadTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final FakeTime time = new FakeTime(START);
    private final List<String> sent = new ArrayList<>();
    private final List<Instant> sentAt = new ArrayList<>();

    private DriveSyntheticLoad worker(HttpProbe answers) {
        return new DriveSyntheticLoad((method, uri, timeout) -> {
            sent.add(method + " " + uri);
            sentAt.add(time.instant());
            return answers.send(method, uri, timeout);
        }, time, time);
    }

    @Test
    void sendsTheRateOnThePathsInTurnForTheWholeStretch() {
        LoadReport report = worker((m, u, t) -> new HttpProbe.Answer(200, "ok", Duration.ofMillis(4)))
                .apply(new DriveSyntheticLoad.Input("http://test:8080/", load(5, 200, "/", "/health"), 10));

        assertThat(report.sent()).isEqualTo(50);
        assertThat(sent).hasSize(50).startsWith("GET http://test:8080/", "GET http://test:8080/health");
        assertThat(sentAt.get(1)).isEqualTo(START.plusMillis(200));
        assertThat(time.instant()).as("the invocation lasts its stretch").isEqualTo(START.plusSeconds(10));
        assertThat(report.byStatus()).isEqualTo(Map.of("200", 50L));
        assertThat(report.failures()).isZero();
        assertThat(report.latency()).isEqualTo(new LoadReport.Latency(4, 4, 4));
        assertThat(report.startedAt()).isEqualTo(START.toString());
        assertThat(report.endedAt()).isEqualTo(START.plusSeconds(10).toString());
    }

    @Test
    void countsWrongStatusesAndUnansweredRequestsAsFailures() {
        int[] n = {0};
        LoadReport report = worker((m, u, t) -> switch (n[0]++ % 4) {
            case 0 -> throw new ConnectException("refused");
            case 1 -> new HttpProbe.Answer(500, "boom", Duration.ofMillis(30));
            default -> new HttpProbe.Answer(200, "ok", Duration.ofMillis(10));
        }).apply(new DriveSyntheticLoad.Input("http://test:8080", load(2, 200, "/"), 4));

        assertThat(report.sent()).isEqualTo(8);
        assertThat(report.byStatus()).isEqualTo(Map.of("none", 2L, "500", 2L, "200", 4L));
        assertThat(report.failures()).isEqualTo(4);
        assertThat(report.latency().maxMs()).isEqualTo(30);
        assertThat(report.latency().p90Ms()).isEqualTo(30);
    }

    @Test
    void aSlowAnswerDelaysTheNextRequestButNotTheEndOfTheStretch() {
        LoadReport report = worker((m, u, t) -> {
            time.sleep(Duration.ofMillis(1500));
            return new HttpProbe.Answer(200, "ok", Duration.ofMillis(1500));
        }).apply(new DriveSyntheticLoad.Input("http://test:8080", load(1, 200, "/"), 3));

        assertThat(report.sent()).isEqualTo(2);
        assertThat(time.instant()).isEqualTo(START.plusSeconds(3));
    }

    @Test
    void staysWithinLambdasFifteenMinutes() {
        LoadReport report = worker((m, u, t) -> new HttpProbe.Answer(200, "ok", Duration.ZERO))
                .apply(new DriveSyntheticLoad.Input("http://test:8080", load(0.1, 200, "/"), 1800));

        assertThat(report.seconds()).isEqualTo(DriveSyntheticLoad.MAX_SECONDS);
        assertThat(report.sent()).isEqualTo(84);
        assertThat(time.instant()).isEqualTo(START.plusSeconds(DriveSyntheticLoad.MAX_SECONDS));
    }

    @Test
    void refusesAnInputItCannotUseNamingEveryProblem() {
        assertThatThrownBy(() -> worker((m, u, t) -> null).apply(new DriveSyntheticLoad.Input(" ", null, 0)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("testUrl is required")
                .hasMessageContaining("load is required")
                .hasMessageContaining("seconds must be positive");
        assertThat(sent).isEmpty();
    }

    private static SyntheticLoad load(double rps, int expect, String... paths) {
        return new SyntheticLoad(rps, List.of(paths), expect);
    }
}
