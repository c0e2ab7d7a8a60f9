package dev.greenlight.local.aws.stepfunctions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * maxResults / nextToken paging as Step Functions' List and GetExecutionHistory calls do it: at most
 * 1000 a page, 100 when maxResults is 0 or absent; the token is opaque to the caller.
 */
record Pages<T>(List<T> items, String nextToken) {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    static <T> Pages<T> of(List<T> all, Integer maxResults, String nextToken) {
        int size = pageSize(maxResults);
        int from = nextToken == null ? 0 : offset(nextToken);
        if (from > all.size()) {
            throw SfnErrors.invalidToken(nextToken);
        }
        int to = Math.min(all.size(), from + size);
        return new Pages<>(List.copyOf(all.subList(from, to)), to < all.size() ? token(to) : null);
    }

    private static int pageSize(Integer maxResults) {
        if (maxResults == null || maxResults == 0) {
            return DEFAULT_PAGE;
        }
        if (maxResults < 0 || maxResults > MAX_PAGE) {
            throw SfnErrors.validation(maxResults.toString(), "maxResults",
                    "Member must have value less than or equal to 1000");
        }
        return maxResults;
    }

    private static String token(int offset) {
        return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("offset:")) {
                throw SfnErrors.invalidToken(token);
            }
            return Integer.parseUnsignedInt(text.substring("offset:".length()));
        } catch (IllegalArgumentException e) {
            throw SfnErrors.invalidToken(token);
        }
    }
}
