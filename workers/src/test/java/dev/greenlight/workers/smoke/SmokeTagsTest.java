package dev.greenlight.workers.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Tag;

/** The report within ECS's tag rules: 50 tags, values of 256 characters from letters, numbers, spaces and _.:/=+-@. */
class SmokeTagsTest {

    @Test
    void aReportReadsBackAsItsStatusAndOneLineACheck() {
        SmokeReport report = new SmokeReport(SmokeReport.Status.FAILED, List.of(
                new CheckResult("GET /health", true, 200, 14L, null, 1),
                new CheckResult("GET /orders", false, 500, 9L, "expected status 200, got 500", 5),
                new CheckResult("GET /slow", false, null, null, "no answer within 100 ms", 2)));

        List<Tag> tags = SmokeTags.of("d-ABC", report);

        assertThat(SmokeTags.read(asMap(tags))).isEqualTo(new SmokeTags.SmokeTest("FAILED", List.of(
                "GET /health 200 14ms 1 attempt passed",
                "GET /orders 500 9ms 5 attempts failed: expected status 200 got 500",
                "GET /slow no answer 2 attempts failed: no answer within 100 ms")));
        assertThat(asMap(tags)).containsEntry("greenlight:smoke:deployment", "d-ABC");
    }

    @Test
    void charactersEcsRefusesBecomeSpaces_andALongLineEndsInDots() {
        CheckResult quoted = new CheckResult("GET /", false, 200, 3L, "the body does not contain \"ok\"; "
                + "x".repeat(300), 1);

        String line = SmokeTags.of("d-ABC", new SmokeReport(SmokeReport.Status.FAILED, List.of(quoted))).get(2).value();

        assertThat(line).startsWith("GET / 200 3ms 1 attempt failed: the body does not contain ok x")
                .endsWith("...").hasSize(256).matches("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    }

    @Test
    void pastFortyEightChecks_theLastLineSaysHowManyMore_soTheTagsStayWithinFifty() {
        List<CheckResult> many = IntStream.rangeClosed(1, 60)
                .mapToObj(i -> new CheckResult("GET /" + i, true, 200, 1L, null, 1)).toList();

        List<Tag> tags = SmokeTags.of("d-ABC", new SmokeReport(SmokeReport.Status.SUCCEEDED, many));

        assertThat(tags).hasSize(50);
        assertThat(asMap(tags).get("greenlight:smoke:48")).isEqualTo("13 more checks not shown: the hook log has them");
    }

    @Test
    void untaggedMeansNoReport() {
        assertThat(SmokeTags.read(Map.of("team", "payments"))).isNull();
    }

    private static Map<String, String> asMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }
}
