package dev.greenlight.workers.smoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * The smoke report as tags on green's task definition revision, where the pipeline's next look
 * reads it: {@code greenlight:smoke} holds the status, {@code greenlight:smoke:deployment} the
 * deployment it is about (a revision can be deployed again),
 * {@code greenlight:smoke:1} to {@code :48} one line a check ({@code GET /health 200 14ms 1 attempt passed}). ECS allows 50 tags a resource, values of
 * at most 256 characters drawn from letters, numbers, spaces and {@code _ . : / = + - @}: other
 * characters become spaces, a longer line ends in {@code ...}, and past 48 checks the last line
 * says how many more there were.
 */
public final class SmokeTags {

    public static final String STATUS = "greenlight:smoke";
    public static final String DEPLOYMENT = "greenlight:smoke:deployment";
    static final int MAX_CHECK_TAGS = 48;
    static final int MAX_VALUE = 256;
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");

    /** The report as it stands on the task set, null when the hook has not tagged it. */
    public record SmokeTest(String status, List<String> checks) {
        public SmokeTest {
            checks = List.copyOf(checks);
        }
    }

    private SmokeTags() {
    }

    static List<Tag> of(String deploymentId, SmokeReport report) {
        List<String> lines = report.results().stream().map(SmokeTags::line).toList();
        return of(deploymentId, report.status().name(), lines);
    }

    /** A hook that stopped before its checks ran: the status FAILED and why. */
    static List<Tag> crashed(String deploymentId, RuntimeException cause) {
        return of(deploymentId, SmokeReport.Status.FAILED.name(), List.of("the smoke test stopped before its checks finished: "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage())));
    }

    private static List<Tag> of(String deploymentId, String status, List<String> lines) {
        List<Tag> tags = new ArrayList<>();
        tags.add(tag(STATUS, status));
        tags.add(tag(DEPLOYMENT, deploymentId));
        for (int i = 0; i < lines.size() && i < MAX_CHECK_TAGS; i++) {
            boolean lastShown = i == MAX_CHECK_TAGS - 1 && lines.size() > MAX_CHECK_TAGS;
            String value = lastShown ? (lines.size() - i) + " more checks not shown: the hook log has them" : lines.get(i);
            tags.add(tag(STATUS + ":" + (i + 1), value));
        }
        return tags;
    }

    /** {@code GET /health 200 14ms 1 attempt passed}, or {@code ... failed: reason}. */
    static String line(CheckResult result) {
        String answer = result.status() == null ? "no answer" : result.status() + " " + result.latencyMs() + "ms";
        return result.check() + " " + answer + " " + result.attempts() + (result.attempts() == 1 ? " attempt " : " attempts ")
                + (result.passed() ? "passed" : "failed" + (result.reason() == null ? "" : ": " + result.reason()));
    }

    /** The report read back from the task set's tags; null when there is no status tag. */
    public static SmokeTest read(Map<String, String> tags) {
        String status = tags.get(STATUS);
        if (status == null) {
            return null;
        }
        List<String> checks = new ArrayList<>();
        for (int i = 1; tags.containsKey(STATUS + ":" + i); i++) {
            checks.add(tags.get(STATUS + ":" + i));
        }
        return new SmokeTest(status, checks);
    }

    private static Tag tag(String key, String value) {
        String allowed = NOT_ALLOWED.matcher(value).replaceAll(" ").replaceAll(" {2,}", " ").trim();
        if (allowed.length() > MAX_VALUE) {
            allowed = allowed.substring(0, MAX_VALUE - 3) + "...";
        }
        return Tag.builder().key(key).value(allowed).build();
    }
}
