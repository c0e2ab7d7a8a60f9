package dev.greenlight.local.aws.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Principal or NotPrincipal element: {@code "*"}, or principals by type ({@code AWS},
 * {@code Service}, ...). An AWS principal is an account ID, an account's {@code :root} ARN, a
 * role ARN (which names every session of the role) or a role session ARN.
 */
record PrincipalElement(boolean everyone, Map<String, List<String>> byType) {

    static PrincipalElement parse(JsonNode node) {
        if (node.isTextual()) {
            return new PrincipalElement(node.asText().equals("*"), Map.of());
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> byType.put(entry.getKey(), PolicyElements.texts(entry.getValue())));
        return new PrincipalElement(false, byType);
    }

    PrincipalMatch match(Principal caller) {
        if (everyone) {
            return PrincipalMatch.CALLER;
        }
        PrincipalMatch best = PrincipalMatch.NONE;
        for (String aws : byType.getOrDefault("AWS", List.of())) {
            PrincipalMatch match = matchAws(aws, caller);
            if (match == PrincipalMatch.CALLER) {
                return match;
            }
            if (match == PrincipalMatch.ACCOUNT) {
                best = match;
            }
        }
        if (caller.isService() && byType.getOrDefault("Service", List.of()).contains(caller.service())) {
            return PrincipalMatch.CALLER;
        }
        return best;
    }

    private static PrincipalMatch matchAws(String aws, Principal caller) {
        if (aws.equals("*")) {
            return PrincipalMatch.CALLER;
        }
        if (caller.isService()) {
            return PrincipalMatch.NONE;
        }
        if (aws.equals(caller.arn()) || aws.equals(caller.roleArn())) {
            return PrincipalMatch.CALLER;
        }
        String account = caller.account();
        if (aws.equals(account) || aws.equals("arn:aws:iam::" + account + ":root")) {
            return caller.isRoot() ? PrincipalMatch.CALLER : PrincipalMatch.ACCOUNT;
        }
        return PrincipalMatch.NONE;
    }
}
