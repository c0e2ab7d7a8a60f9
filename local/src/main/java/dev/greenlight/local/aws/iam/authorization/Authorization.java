package dev.greenlight.local.aws.iam.authorization;

import java.util.List;

/** What one call needs: the action ({@code lambda:InvokeFunction}) on each of these resource ARNs ({@code *} when none applies). */
public record Authorization(String action, List<String> resources) {

    public Authorization {
        resources = List.copyOf(resources);
    }
}
