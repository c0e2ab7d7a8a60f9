package dev.greenlight.local.aws.iam.policy;

/**
 * ARN matching for the Resource element and the Arn condition operators ("IAM JSON policy
 * elements: Resource"; "Amazon Resource Name (ARN) condition operators"): the six
 * colon-delimited parts are matched part by part, each with wildcards, case-sensitively; the
 * last part (the resource) keeps its own colons and slashes. {@code *} alone matches any ARN.
 */
final class Arns {

    private static final int PARTS = 6;

    private Arns() {
    }

    static boolean matches(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] wanted = pattern.split(":", PARTS);
        String[] actual = arn.split(":", PARTS);
        if (wanted.length != PARTS || actual.length != PARTS) {
            return Wildcards.matches(pattern, arn, false);
        }
        for (int i = 0; i < PARTS; i++) {
            if (!Wildcards.matches(wanted[i], actual[i], false)) {
                return false;
            }
        }
        return true;
    }
}
