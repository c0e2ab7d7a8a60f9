package dev.greenlight.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A restJson request URI as the SDK models it ({@code /2015-03-31/functions/{FunctionName}/invocations},
 * {@code {Key+}} for a greedy label, literal query parameters after {@code ?}), matched against
 * raw request paths; labels come back decoded (a function name may be a URL-encoded ARN).
 */
record UriTemplate(Pattern path, List<String> labels, List<String> requiredQuery, int literalLength) {

    private static final Pattern LABEL = Pattern.compile("\\{([^}+]+)(\\+?)}");

    static UriTemplate of(String requestUri) {
        int question = requestUri.indexOf('?');
        String path = question < 0 ? requestUri : requestUri.substring(0, question);
        List<String> requiredQuery = question < 0 ? List.of()
                : List.of(requestUri.substring(question + 1).replaceAll("=[^&]*", "").split("&"));
        StringBuilder regex = new StringBuilder("^");
        List<String> labels = new ArrayList<>();
        Matcher matcher = LABEL.matcher(path);
        int end = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(path.substring(end, matcher.start())));
            regex.append(matcher.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            labels.add(matcher.group(1));
            end = matcher.end();
        }
        regex.append(Pattern.quote(path.substring(end))).append("$");
        return new UriTemplate(Pattern.compile(regex.toString()), List.copyOf(labels), requiredQuery,
                path.replaceAll("\\{[^}]*}", "").length());
    }

    /** The decoded label values, when {@code rawPath} and the query fit this template. */
    Optional<Map<String, String>> match(String rawPath, Map<String, List<String>> query) {
        Matcher matcher = path.matcher(rawPath);
        if (!matcher.matches() || !query.keySet().containsAll(requiredQuery)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            values.put(labels.get(i), decodePathSegment(matcher.group(i + 1)));
        }
        return Optional.of(values);
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /** Path segments keep a literal '+', unlike form encoding. */
    private static String decodePathSegment(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
