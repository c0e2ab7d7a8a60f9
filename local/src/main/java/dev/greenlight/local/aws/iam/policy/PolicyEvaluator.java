package dev.greenlight.local.aws.iam.policy;

import java.util.List;
import java.util.Optional;

/**
 * Decides a request within one account as "Policy evaluation logic" documents it: an explicit
 * Deny in any identity-based or resource-based policy denies; otherwise an Allow in either kind
 * allows (same-account access is the union of the two); otherwise the request is implicitly
 * denied. A resource-based statement applies only when its Principal names the caller, and one
 * that names only the caller's account allows nothing by itself (see {@link PrincipalMatch}).
 * The account root is not decided here: AWS lets it do everything, and so does the caller of this.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    public static Decision evaluate(List<PolicyDocument> identityPolicies, Optional<PolicyDocument> resourcePolicy,
            AuthorizationRequest request) {
        RequestContext context = request.fullContext();
        boolean identityAllows = false;
        for (PolicyDocument policy : identityPolicies) {
            for (Statement statement : policy.statements()) {
                if (statement.covers(request, context, policy.variablesAllowed())) {
                    if (statement.deny()) {
                        return Decision.DENIED_BY_IDENTITY_POLICY;
                    }
                    identityAllows = true;
                }
            }
        }
        boolean resourceAllows = false;
        if (resourcePolicy.isPresent()) {
            for (Statement statement : resourcePolicy.get().statements()) {
                PrincipalMatch match = statement.principalMatch(request.principal());
                if (match == PrincipalMatch.NONE || !statement.covers(request, context, resourcePolicy.get().variablesAllowed())) {
                    continue;
                }
                if (statement.deny()) {
                    return Decision.DENIED_BY_RESOURCE_POLICY;
                }
                resourceAllows |= match == PrincipalMatch.CALLER;
            }
        }
        return identityAllows || resourceAllows ? Decision.ALLOWED : Decision.IMPLICITLY_DENIED;
    }
}
