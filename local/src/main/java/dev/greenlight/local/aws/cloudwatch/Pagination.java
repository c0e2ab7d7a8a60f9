package dev.greenlight.local.aws.cloudwatch;

import java.util.List;

/** Offset tokens for the twin's paginated lists; a token the twin did not hand out is InvalidNextToken. */
final class Pagination {

    record Page<T>(List<T> items, String nextToken) {
    }

    private static final int DEFAULT_RECORDS = 100;

    private Pagination() {
    }

    /** MaxRecords of DescribeAlarms and DescribeAlarmHistory: 1 to 100, 100 when not given. */
    static int maxRecords(Integer requested) {
        if (requested == null) {
            return DEFAULT_RECORDS;
        }
        if (requested < 1 || requested > 100) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value '" + requested
                    + "' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and 100");
        }
        return requested;
    }

    static int offset(String nextToken) {
        if (nextToken == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(nextToken);
            if (offset < 0) {
                throw CloudWatchErrors.invalidNextToken();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw CloudWatchErrors.invalidNextToken();
        }
    }

    static <T> Page<T> page(List<T> all, int from, int max) {
        if (from > all.size()) {
            throw CloudWatchErrors.invalidNextToken();
        }
        int to = Math.min(all.size(), from + max);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }
}
