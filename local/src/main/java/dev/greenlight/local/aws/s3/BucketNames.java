package dev.greenlight.local.aws.s3;

import java.util.List;
import java.util.regex.Pattern;

/**
 * General purpose bucket naming rules (S3 User Guide, "Bucket naming rules"): 3 to 63
 * characters of lowercase letters, digits, dots and hyphens, beginning and ending with a letter
 * or digit, no two adjacent dots, not shaped like an IP address, and none of the reserved
 * prefixes and suffixes.
 */
final class BucketNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3",
            "--table-s3");

    private BucketNames() {
    }

    static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..")
                && !IP_ADDRESS.matcher(name).matches()
                && RESERVED_PREFIXES.stream().noneMatch(name::startsWith)
                && RESERVED_SUFFIXES.stream().noneMatch(name::endsWith);
    }
}
