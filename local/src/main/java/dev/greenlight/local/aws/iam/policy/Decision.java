package dev.greenlight.local.aws.iam.policy;

/**
 * The outcome of evaluating a request ("How AWS enforcement code logic evaluates requests"): an
 * explicit deny in any policy wins; otherwise an allow in either an identity-based or a
 * resource-based policy of the same account allows; otherwise the request is implicitly denied.
 * Explicit denies say where the deny was, because AWS's refusal names it.
 */
public enum Decision {
    ALLOWED,
    IMPLICITLY_DENIED,
    DENIED_BY_IDENTITY_POLICY,
    DENIED_BY_RESOURCE_POLICY;

    public boolean allowed() {
        return this == ALLOWED;
    }

    public boolean explicitlyDenied() {
        return this == DENIED_BY_IDENTITY_POLICY || this == DENIED_BY_RESOURCE_POLICY;
    }
}
