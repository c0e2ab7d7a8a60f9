package dev.greenlight.local.aws.iam.policy;

import java.util.Objects;

/** What AWS authorizes: a principal performing {@code service:Action} on one resource ARN, with its context. */
public record AuthorizationRequest(Principal principal, String action, String resource, RequestContext context) {

    public AuthorizationRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(context, "context");
    }

    /**
     * The context with the keys AWS always sets for an authenticated principal ("AWS global
     * condition context keys"): aws:PrincipalArn, aws:PrincipalAccount and aws:PrincipalType.
     */
    RequestContext fullContext() {
        if (principal.isService()) {
            return context.has("aws:PrincipalServiceName") ? context
                    : context.with("aws:PrincipalServiceName", principal.service());
        }
        RequestContext full = context;
        if (!full.has("aws:PrincipalArn")) {
            full = full.with("aws:PrincipalArn", principal.principalArn());
        }
        if (!full.has("aws:PrincipalAccount")) {
            full = full.with("aws:PrincipalAccount", principal.account());
        }
        return full;
    }
}
