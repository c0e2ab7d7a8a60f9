package dev.greenlight.local.aws.ecr;

import java.util.List;

/**
 * One page of DescribeImages or ListImages: {@code maxResults} from 1 to 1000, 100 when absent;
 * the token is the index of the page's first item, opaque to the caller.
 */
record Listing<T>(List<T> items, String nextToken) {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    static <T> Listing<T> of(List<T> all, Integer maxResults, String nextToken) {
        int size = pageSize(maxResults);
        int from = nextToken == null ? 0 : offset(nextToken, all.size());
        int to = Math.min(all.size(), from + size);
        return new Listing<>(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
    }

    /** ECR reports a constraint on a member as InvalidParameterException, naming the member. */
    static int pageSize(Integer maxResults) {
        if (maxResults == null) {
            return DEFAULT_PAGE;
        }
        if (maxResults < 1) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'maxResults' failed to satisfy constraint: "
                    + "'Member must have value greater than or equal to 1'");
        }
        if (maxResults > MAX_PAGE) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'maxResults' failed to satisfy constraint: "
                    + "'Member must have value less than or equal to " + MAX_PAGE + "'");
        }
        return maxResults;
    }

    private static int offset(String token, int total) {
        try {
            int from = Integer.parseInt(token);
            if (from >= 0 && from <= total) {
                return from;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        // AWS's wording for a token it did not issue is unpublished.
        throw EcrErrors.invalidParameter("Invalid parameter at 'nextToken': the token is not valid");
    }
}
