package dev.greenlight.local.aws.ecs;

/**
 * One page of ListTasks: {@code maxResults} from 1 to 100, 100 when absent; the token is the index of
 * the page's first task. AWS documents the range, not the wording of its refusal.
 */
record TaskPage(int from, int to, String nextToken) {

    static final int MAX_PAGE = 100;

    static TaskPage of(int total, Integer maxResults, String nextToken) {
        if (maxResults != null && (maxResults < 1 || maxResults > MAX_PAGE)) {
            throw EcsErrors.invalidParameter("maxResults must be between 1 and " + MAX_PAGE + ".");
        }
        int size = maxResults == null ? MAX_PAGE : maxResults;
        int from = nextToken == null ? 0 : offset(nextToken, total);
        int to = Math.min(total, from + size);
        return new TaskPage(from, to, to < total ? Integer.toString(to) : null);
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
        throw EcsErrors.invalidParameter("Invalid token " + token);
    }
}
