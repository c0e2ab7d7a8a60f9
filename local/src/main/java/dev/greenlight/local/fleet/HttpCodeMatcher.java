package dev.greenlight.local.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A target group's success codes, as ELB writes them: {@code "200"}, {@code "200,202"} or
 * {@code "200-299"}, or a mix of both.
 */
public final class HttpCodeMatcher {

    private static final Pattern SYNTAX = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*");

    private final String text;
    private final List<int[]> ranges;

    private HttpCodeMatcher(String text, List<int[]> ranges) {
        this.text = text;
        this.ranges = ranges;
    }

    /** Parses {@code text}; throws IllegalArgumentException when it is not ELB's syntax. */
    public static HttpCodeMatcher parse(String text) {
        if (text == null || !SYNTAX.matcher(text).matches()) {
            throw new IllegalArgumentException("not a list or range of HTTP codes: " + text);
        }
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] bounds = part.split("-");
            int low = Integer.parseInt(bounds[0]);
            int high = bounds.length == 2 ? Integer.parseInt(bounds[1]) : low;
            if (low > high) {
                throw new IllegalArgumentException("range runs backwards: " + part);
            }
            ranges.add(new int[] {low, high});
        }
        return new HttpCodeMatcher(text, List.copyOf(ranges));
    }

    public boolean matches(int status) {
        return ranges.stream().anyMatch(range -> status >= range[0] && status <= range[1]);
    }

    /** Whether every code lies within {@code [low, high]}. */
    public boolean within(int low, int high) {
        return ranges.stream().allMatch(range -> range[0] >= low && range[1] <= high);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
