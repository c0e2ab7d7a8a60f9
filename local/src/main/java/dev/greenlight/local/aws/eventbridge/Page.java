package dev.greenlight.local.aws.eventbridge;

/** One page of a listing: NextToken is the index of the first item of the next page. */
record Page(int from, int to, String nextToken) {

    private static final int DEFAULT_LIMIT = 100;

    static Page of(int total, Integer limit, String token) {
        int from = token == null ? 0 : parse(token, total);
        int size = limit == null || limit <= 0 ? DEFAULT_LIMIT : limit;
        int to = Math.min(total, from + size);
        return new Page(from, to, to < total ? Integer.toString(to) : null);
    }

    private static int parse(String token, int total) {
        try {
            int from = Integer.parseInt(token);
            if (from >= 0 && from <= total) {
                return from;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw EventBridgeErrors.validation("The nextToken provided is invalid.");
    }
}
