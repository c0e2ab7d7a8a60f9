package dev.greenlight.local.aws.iam;

import java.util.List;

/**
 * One page of an IAM list: {@code MaxItems} 1 to 1000 (100 by default), {@code Marker} where the
 * previous page stopped, {@code IsTruncated} when more follow.
 */
record Page<T>(List<T> items, boolean truncated, String marker) {

    static <T> Page<T> of(List<T> all, String marker, Integer maxItems) {
        if (maxItems != null && (maxItems < 1 || maxItems > 1000)) {
            throw IamErrors.validation("maxItems", maxItems, "Member must have value between 1 and 1000");
        }
        int from = marker == null ? 0 : start(marker);
        int to = Math.min(all.size(), from + (maxItems == null ? 100 : maxItems));
        boolean truncated = to < all.size();
        return new Page<>(all.subList(Math.min(from, all.size()), to), truncated, truncated ? Integer.toString(to) : null);
    }

    private static int start(String marker) {
        try {
            return Integer.parseInt(marker);
        } catch (NumberFormatException e) {
            throw IamErrors.invalidInput("Invalid Marker.");
        }
    }
}
