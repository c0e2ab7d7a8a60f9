package dev.greenlight.local.aws.ecs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of an ECS list (ECS API reference, each List operation): {@code maxResults} between
 * 1 and 100, a default page size per operation (10 for ListServices, 100 for the others), and an
 * opaque {@code nextToken} while more follow. AWS does not publish the messages for a bad
 * maxResults or token; these are the twin's, with AWS's InvalidParameterException.
 */
record ListPage<T>(List<T> items, String nextToken) {

    private static final String TOKEN_PREFIX = "greenlight-ecs:";

    static <T> ListPage<T> of(List<T> all, String nextToken, Integer maxResults, int defaultSize) {
        if (maxResults != null && (maxResults < 1 || maxResults > 100)) {
            throw EcsErrors.invalidParameter("maxResults must be between 1 and 100.");
        }
        int from = nextToken == null ? 0 : offset(nextToken);
        int to = Math.min(all.size(), from + (maxResults == null ? defaultSize : maxResults));
        return new ListPage<>(all.subList(Math.min(from, all.size()), to), to < all.size() ? token(to) : null);
    }

    private static String token(int offset) {
        return Base64.getEncoder().encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX)) {
                return Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
            }
        } catch (IllegalArgumentException unreadable) {
            // falls through to the refusal
        }
        throw EcsErrors.invalidParameter("Invalid nextToken.");
    }
}
