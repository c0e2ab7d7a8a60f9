package dev.greenlight.local.aws.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * A FilterLogEvents pattern on unstructured events, as the CloudWatch Logs User Guide's "Filter
 * pattern syntax" describes it: terms an event must all contain ({@code ERROR Exception}), a
 * {@code "quoted phrase"} as one term, {@code -term} to exclude events, {@code ?term ?other} for
 * events with any of them; the empty pattern matches every event. Terms are case-sensitive. JSON
 * ({@code { $.x = … }}), space-delimited ({@code [ … ]}) and {@code %regex%} patterns are refused.
 */
record FilterPattern(List<String> all, List<String> any, List<String> none) {

    static FilterPattern parse(String pattern) {
        String text = pattern == null ? "" : pattern.strip();
        if (text.startsWith("{") || text.startsWith("[") || text.contains("%")) {
            throw LogsErrors.invalid("The local CloudWatch Logs twin matches term patterns only (ERROR,"
                    + " \"a phrase\", ?any ?of, -exclude); JSON { }, space-delimited [ ] and %regex% patterns are"
                    + " not modelled: filter by terms, or read the events with get-log-events.");
        }
        List<String> all = new ArrayList<>();
        List<String> any = new ArrayList<>();
        List<String> none = new ArrayList<>();
        for (String token : tokens(text)) {
            if (token.startsWith("?") && token.length() > 1) {
                any.add(unquote(token.substring(1)));
            } else if (token.startsWith("-") && token.length() > 1) {
                none.add(unquote(token.substring(1)));
            } else {
                all.add(unquote(token));
            }
        }
        return new FilterPattern(all, any, none);
    }

    boolean matches(String message) {
        return all.stream().allMatch(message::contains)
                && (any.isEmpty() || any.stream().anyMatch(message::contains))
                && none.stream().noneMatch(message::contains);
    }

    /** Space-separated tokens, a quoted phrase (after an optional ? or -) staying one token. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                token.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (quoted) {
            throw LogsErrors.invalid("Invalid filter pattern: a quoted phrase is not closed: " + text);
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static String unquote(String term) {
        return term.length() >= 2 && term.startsWith("\"") && term.endsWith("\"")
                ? term.substring(1, term.length() - 1) : term;
    }
}
