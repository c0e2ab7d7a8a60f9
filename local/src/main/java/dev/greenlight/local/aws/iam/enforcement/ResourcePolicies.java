package dev.greenlight.local.aws.iam.enforcement;

import java.util.Optional;

/** The resource-based policy AWS evaluates for a resource ARN (a bucket's, a function's, a topic's), if it has one. */
@FunctionalInterface
public interface ResourcePolicies {

    ResourcePolicies NONE = arn -> Optional.empty();

    Optional<String> of(String resourceArn);
}
