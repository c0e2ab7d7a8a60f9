package dev.greenlight.local.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FleetRulesTest {

    @ParameterizedTest(name = "share {0} fails {1} of 1000")
    @CsvSource({"0, 0", "0.1, 100", "0.25, 250", "0.333, 333", "1, 1000"})
    void errorPattern_failsExactlyTheShare(double share, long failures) {
        ErrorPattern pattern = ErrorPattern.ofShare(share);
        assertThat(LongStream.range(0, 1000).filter(pattern::failsAt).count()).isEqualTo(failures);
    }

    @ParameterizedTest(name = "{0}/{1} over 100 requests")
    @CsvSource({"90, 10, 90", "50, 50, 50", "1, 0, 100", "0, 1, 0", "999, 1, 100"})
    void weightedRotation_splitsByWeight(int first, int second, long toFirst) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("a", first);
        weights.put("b", second);
        WeightedRotation rotation = new WeightedRotation(weights);
        long count = LongStream.range(0, 100).filter(i -> rotation.next().orElseThrow().equals("a")).count();
        assertThat(count).isEqualTo(toFirst);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "one pass makes a new target healthy,       INITIAL,   0, 0, true,  HEALTHY",
        "one failure keeps a new target initial,    INITIAL,   0, 0, false, INITIAL",
        "threshold failures make it unhealthy,      HEALTHY,   0, 1, false, UNHEALTHY",
        "one failure below threshold stays healthy, HEALTHY,   0, 0, false, HEALTHY",
        "recovery needs the healthy threshold,      UNHEALTHY, 0, 2, true,  UNHEALTHY",
        "threshold passes make it healthy again,    UNHEALTHY, 2, 0, true,  HEALTHY",
        "draining ignores checks,                   DRAINING,  0, 0, true,  DRAINING"})
    void targetHealth_movesAsElbDocuments(String rule, TargetState from, int passes, int failures, boolean passed,
            TargetState to) {
        HealthCheck check = new HealthCheck("/", Duration.ofSeconds(30), Duration.ofSeconds(5), 3, 2,
                HttpCodeMatcher.parse("200"));
        TargetHealth health = new TargetHealth(from, null, null, passes, failures);
        ProbeResult result = passed ? ProbeResult.pass() : ProbeResult.of(500, Duration.ZERO, check);
        assertThat(health.afterProbe(result, check).state()).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({"200, 200, true", "200, 201, false", "200-299, 204, true", "'200,302', 302, true",
        "'200-299,404', 404, true", "200-299, 500, false"})
    void httpCodeMatcher_readsElbSyntax(String codes, int status, boolean matches) {
        assertThat(HttpCodeMatcher.parse(codes).matches(status)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"abc", "20", "299-200", "'200,'", "200-"})
    void httpCodeMatcher_refusesOtherSyntax(String codes) {
        assertThatThrownBy(() -> HttpCodeMatcher.parse(codes)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "answer after {0} ms: passed {1}")
    @CsvSource({"10, true", "5000, true", "5001, false"})
    void probeSlowerThanTimeout_timesOut(long millis, boolean passed) {
        ProbeResult result = ProbeResult.of(200, Duration.ofMillis(millis), HealthCheck.defaults());
        assertThat(result.passed()).isEqualTo(passed);
        assertThat(result.reason()).isEqualTo(passed ? null : "Target.Timeout");
    }
}
