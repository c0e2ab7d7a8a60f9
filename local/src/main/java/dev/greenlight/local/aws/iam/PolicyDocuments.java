package dev.greenlight.local.aws.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.local.aws.iam.policy.PolicyElements;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The checks IAM makes on a policy document before it stores one (IAM User Guide, "IAM JSON
 * policy element reference" and "IAM and AWS STS quotas"): valid JSON, a known Version, a
 * Statement of objects with Effect Allow or Deny, Action or NotAction prefixed by a service,
 * Resource required and Principal prohibited in identity-based policies, the reverse in trust
 * policies, and each AWS principal of this account naming an entity that exists. The messages
 * are AWS's as it answers them; AWS does not publish them.
 */
final class PolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]*");
    private static final Pattern ACCOUNT_ENTITY = Pattern.compile("arn:aws:iam::(\\d{12}):(role|user)/(?:.*/)?([^/]+)");

    private PolicyDocuments() {
    }

    /** Parses and checks {@code text}; {@code entityExists} answers for role and user ARNs of this account. */
    static JsonNode validate(String text, PolicyKind kind, Predicate<String> entityExists) {
        JsonNode document = parse(text);
        if (!document.isObject()) {
            throw IamErrors.malformed("Syntax errors in policy.");
        }
        document.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                throw IamErrors.malformed("Syntax errors in policy.");
            }
        });
        if (document.has("Version") && !VERSIONS.contains(document.get("Version").asText())) {
            throw IamErrors.malformed("The policy must contain a valid version string");
        }
        JsonNode statements = document.get("Statement");
        if (statements == null) {
            throw IamErrors.malformed("Missing required field Statement");
        }
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            statement(statement, kind, entityExists);
        }
        return document;
    }

    /** A document as IAM answers it: URL-encoded (RFC 3986), which the AWS CLI decodes and the SDK does not. */
    static String encoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw IamErrors.malformed("This policy contains invalid Json");
        }
    }

    private static void statement(JsonNode statement, PolicyKind kind, Predicate<String> entityExists) {
        if (!statement.isObject()) {
            throw IamErrors.malformed("Syntax errors in policy.");
        }
        statement.fieldNames().forEachRemaining(name -> {
            if (!STATEMENT.contains(name)) {
                throw IamErrors.malformed("Syntax errors in policy.");
            }
        });
        String effect = statement.path("Effect").asText(null);
        if (effect == null) {
            throw IamErrors.malformed("Missing required field Effect");
        }
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw IamErrors.malformed("Invalid effect: " + effect);
        }
        if (!statement.has("Action") && !statement.has("NotAction")) {
            throw IamErrors.malformed("Missing required field Action");
        }
        for (String action : PolicyElements.texts(statement.has("Action") ? statement.get("Action") : statement.get("NotAction"))) {
            if (!ACTION.matcher(action).matches()) {
                throw IamErrors.malformed("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
            }
        }
        boolean names = statement.has("Principal") || statement.has("NotPrincipal");
        boolean targets = statement.has("Resource") || statement.has("NotResource");
        if (kind == PolicyKind.IDENTITY && names) {
            throw IamErrors.malformed("Policy document should not specify a principal.");
        }
        if (kind == PolicyKind.IDENTITY && !targets) {
            throw IamErrors.malformed("Policy statement must contain resources.");
        }
        if (kind == PolicyKind.TRUST && targets) {
            throw IamErrors.malformed("Has prohibited field Resource");
        }
        if (kind == PolicyKind.TRUST && !names) {
            throw IamErrors.malformed("Missing required field Principal");
        }
        if (kind == PolicyKind.TRUST) {
            principals(statement.has("Principal") ? statement.get("Principal") : statement.get("NotPrincipal"),
                    entityExists);
        }
    }

    private static void principals(JsonNode principal, Predicate<String> entityExists) {
        if (principal.isTextual() && principal.asText().equals("*")) {
            return;
        }
        if (!principal.isObject()) {
            throw IamErrors.malformed("Invalid principal in policy: " + principal);
        }
        for (String arn : PolicyElements.texts(principal.get("AWS"))) {
            if (ACCOUNT_ENTITY.matcher(arn).matches() && !entityExists.test(arn)) {
                throw IamErrors.malformed("Invalid principal in policy: \"AWS\":\"" + arn + "\"");
            }
        }
    }
}
