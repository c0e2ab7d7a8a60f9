package dev.greenlight.workers.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.workers.config.ServiceConfig.SmokeCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmokeVerdictsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0} {1} in {3} ms -> passed={4}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # status | body                     | expectations     | latency | passed | reason
            200      | ok                       | 200,ok,500       | 20      | true   | null
            200      | {"status":"degraded"}    | 200,ok,500       | 20      | false  | the body does not contain "ok"
            503      | starting                 | 200,,null        | 20      | false  | expected status 200, got 503
            200      | ok                       | 200,,100         | 812     | false  | took 812 ms, over the 100 ms budget
            301      | moved                    | 301,,null        | 5       | true   | null
            500      | boom                     | 200,ok,100       | 150     | false  | expected status 200, got 500; the body does not contain "ok"; took 150 ms, over the 100 ms budget
            """)
    void answer_isJudgedOnStatusBodyAndLatency(int status, String body, String expectations, long latencyMs,
            boolean passed, String reason) {
        String[] expect = expectations.split(",", -1);
        SmokeCheck check = new SmokeCheck("/health", "GET", Integer.parseInt(expect[0]), expect[1],
                expect[2].equals("null") ? null : Integer.valueOf(expect[2]));

        CheckResult result = SmokeVerdicts.assess(check, new HttpProbe.Answer(status, body,
                Duration.ofMillis(latencyMs)));

        assertThat(result).isEqualTo(new CheckResult("GET /health", passed, status, latencyMs, reason));
    }

    @ParameterizedTest(name = "budget {0} ms, {1} ms left -> {2} ms")
    @CsvSource(nullValues = "null", textBlock = """
            null,  60000, 10000
            null,   4000,  4000
            null,      0,  1000
            250,   60000,   250
            250,       0,   250
            5000,   2000,  2000
            """)
    void requestTimeout_isTheLatencyBudgetWithinTheTimeLeft(Integer budgetMs, long leftMs, long timeoutMs) {
        SmokeCheck check = new SmokeCheck("/", "GET", 200, "", budgetMs);

        assertThat(SmokeVerdicts.requestTimeout(check, Duration.ofMillis(leftMs))).isEqualTo(Duration.ofMillis(timeoutMs));
    }

    @Test
    void allChecksPassed_isPassedEvenAfterTheDeadline() {
        assertThat(SmokeVerdicts.next(List.of(passed(), passed()), T0.plusSeconds(99), T0, Duration.ofSeconds(5)))
                .isEqualTo(new SmokeVerdicts.Passed());
    }

    @Test
    void aFailingCheckBeforeTheDeadline_isRetriedAfterTheInterval() {
        assertThat(SmokeVerdicts.next(List.of(passed(), failed()), T0, T0.plusSeconds(60), Duration.ofSeconds(5)))
                .isEqualTo(new SmokeVerdicts.RetryAfter(Duration.ofSeconds(5)));
    }

    @Test
    void aFailingCheckCloseToTheDeadline_isRetriedOnceMoreAtTheDeadline() {
        assertThat(SmokeVerdicts.next(List.of(failed()), T0.plusSeconds(58), T0.plusSeconds(60), Duration.ofSeconds(5)))
                .isEqualTo(new SmokeVerdicts.RetryAfter(Duration.ofSeconds(2)));
    }

    @Test
    void aFailingCheckAtTheDeadline_fails() {
        assertThat(SmokeVerdicts.next(List.of(failed()), T0.plusSeconds(60), T0.plusSeconds(60), Duration.ofSeconds(5)))
                .isEqualTo(new SmokeVerdicts.Failed());
    }

    private static CheckResult passed() {
        return new CheckResult("GET /health", true, 200, 3L, null);
    }

    private static CheckResult failed() {
        return new CheckResult("GET /", false, 500, 3L, "expected status 200, got 500");
    }
}
