package dev.greenlight.local.aws.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One statement of a policy ("IAM JSON policy element reference"): its Effect, Action or
 * NotAction, Resource or NotResource, Principal or NotPrincipal (resource-based policies), and
 * Condition. Actions match case-insensitively with wildcards; resources as {@link Arns} says.
 */
record Statement(boolean deny, List<String> actions, boolean notAction, List<String> resources, boolean notResource,
        Optional<PrincipalElement> principal, boolean notPrincipal, List<Condition> conditions) {

    static Statement parse(JsonNode node) {
        boolean notAction = !node.has("Action") && node.has("NotAction");
        boolean notResource = !node.has("Resource") && node.has("NotResource");
        boolean notPrincipal = !node.has("Principal") && node.has("NotPrincipal");
        JsonNode principal = node.has("Principal") ? node.get("Principal") : node.get("NotPrincipal");
        return new Statement("Deny".equals(node.path("Effect").asText()),
                PolicyElements.texts(node.get(notAction ? "NotAction" : "Action")), notAction,
                PolicyElements.texts(node.get(notResource ? "NotResource" : "Resource")), notResource,
                Optional.ofNullable(principal).map(PrincipalElement::parse), notPrincipal, conditions(node.get("Condition")));
    }

    /** Whether the statement covers the request's action, resource and context (the principal aside). */
    boolean covers(AuthorizationRequest request, RequestContext context, boolean variablesAllowed) {
        return actionMatches(request.action()) && resourceMatches(request.resource(), context, variablesAllowed)
                && conditions.stream().allMatch(condition -> condition.holds(context, variablesAllowed));
    }

    /** How the Principal (or NotPrincipal) names the caller; NotPrincipal names everyone it does not list. */
    PrincipalMatch principalMatch(Principal caller) {
        if (principal.isEmpty()) {
            return PrincipalMatch.NONE;
        }
        PrincipalMatch match = principal.get().match(caller);
        if (!notPrincipal) {
            return match;
        }
        return match == PrincipalMatch.NONE ? PrincipalMatch.CALLER : PrincipalMatch.NONE;
    }

    private boolean actionMatches(String action) {
        boolean listed = actions.stream().anyMatch(pattern -> Wildcards.matches(pattern, action, true));
        return notAction != listed;
    }

    /**
     * A variable that cannot be resolved never widens a statement ("IAM policy elements: Variables
     * and tags": "If AWS cannot resolve a variable this might cause the entire statement to be
     * invalid"): in Resource that value matches nothing; in NotResource the statement covers nothing.
     */
    private boolean resourceMatches(String resource, RequestContext context, boolean variablesAllowed) {
        List<Optional<String>> patterns = resources.stream()
                .map(pattern -> PolicyVariables.resolve(pattern, context, variablesAllowed)).toList();
        if (notResource && patterns.stream().anyMatch(Optional::isEmpty)) {
            return false;
        }
        boolean listed = patterns.stream().flatMap(Optional::stream).anyMatch(pattern -> Arns.matches(pattern, resource));
        return notResource != listed;
    }

    private static List<Condition> conditions(JsonNode block) {
        List<Condition> conditions = new ArrayList<>();
        if (block == null || !block.isObject()) {
            return conditions;
        }
        block.fields().forEachRemaining(operator -> operator.getValue().fields().forEachRemaining(key ->
                conditions.add(new Condition(ConditionOperator.parse(operator.getKey()), key.getKey(),
                        PolicyElements.texts(key.getValue())))));
        return conditions;
    }
}
