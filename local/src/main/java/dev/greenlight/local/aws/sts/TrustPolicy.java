package dev.greenlight.local.aws.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.local.aws.LocalAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a role's trust policy lets a caller assume the role (IAM User Guide, "Policy
 * evaluation logic" for resource-based policies): an explicit Deny wins; otherwise an Allow of
 * {@code sts:AssumeRole} whose Principal names the caller: {@code "*"}, the caller's ARN, the
 * role a session belongs to, or the account ({@code 123456789012} or its {@code :root} ARN).
 * Of conditions only {@code StringEquals} and {@code Null} on {@code sts:ExternalId} are evaluated;
 * a statement with any other condition is treated as not applying, so it never grants more than AWS would.
 */
final class TrustPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTION = "sts:AssumeRole";

    private final JsonNode document;

    private TrustPolicy(JsonNode document) {
        this.document = document;
    }

    static TrustPolicy parse(String text) {
        try {
            return new TrustPolicy(JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored trust policy is not JSON", e);
        }
    }

    /** {@code callerArns}: every ARN the caller may be named by (its own, and its role's for a session). */
    boolean allows(Set<String> callerArns, String externalId) {
        boolean allowed = false;
        for (JsonNode statement : statements()) {
            if (!actionMatches(statement) || !principalMatches(statement.get("Principal"), callerArns)
                    || !conditionHolds(statement.get("Condition"), externalId)) {
                continue;
            }
            if ("Deny".equals(statement.path("Effect").asText())) {
                return false;
            }
            allowed = true;
        }
        return allowed;
    }

    private List<JsonNode> statements() {
        JsonNode statements = document.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else if (statements.isObject()) {
            list.add(statements);
        }
        return list;
    }

    private static boolean actionMatches(JsonNode statement) {
        if (statement.has("NotAction")) {
            return texts(statement.get("NotAction")).stream().noneMatch(pattern -> wildcard(pattern, ACTION));
        }
        return texts(statement.get("Action")).stream().anyMatch(pattern -> wildcard(pattern, ACTION));
    }

    private static boolean principalMatches(JsonNode principal, Set<String> callerArns) {
        if (principal == null) {
            return false;
        }
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        for (String named : texts(principal.get("AWS"))) {
            if (named.equals("*") || named.equals(LocalAccount.ID)
                    || named.equals("arn:aws:iam::" + LocalAccount.ID + ":root") || callerArns.contains(named)) {
                return true;
            }
        }
        return false;
    }

    /** Every operator must hold (IAM ANDs them): StringEquals or Null on {@code sts:ExternalId}. */
    private static boolean conditionHolds(JsonNode condition, String externalId) {
        if (condition == null || condition.isEmpty()) {
            return true;
        }
        boolean holds = true;
        var operators = condition.fields();
        while (operators.hasNext()) {
            var operator = operators.next();
            JsonNode keys = operator.getValue();
            if (keys.size() != 1 || !keys.has("sts:ExternalId")) {
                return false;
            }
            List<String> values = texts(keys.get("sts:ExternalId"));
            holds &= switch (operator.getKey()) {
                case "StringEquals" -> externalId != null && values.contains(externalId);
                // Null: "true" holds when the key is absent, "false" when it is present (the CDK bootstrap's roles).
                case "Null" -> values.contains(Boolean.toString(externalId == null));
                default -> false;
            };
        }
        return holds;
    }

    private static boolean wildcard(String pattern, String value) {
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(value).matches();
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(element -> values.add(element.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
