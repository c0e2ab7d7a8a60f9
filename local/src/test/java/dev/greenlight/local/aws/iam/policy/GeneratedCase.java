package dev.greenlight.local.aws.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One generated (policies, request) pair, in the shape both evaluators read. */
record GeneratedCase(List<JsonNode> identityPolicies, JsonNode resourcePolicy, String principal, String roleArn,
        String action, String resource, Map<String, List<String>> context) {

    AuthorizationRequest request() {
        Principal caller = roleArn == null ? Principal.root() : new Principal(principal, roleArn, null);
        return new AuthorizationRequest(caller, action, resource, new RequestContext(context));
    }
}
