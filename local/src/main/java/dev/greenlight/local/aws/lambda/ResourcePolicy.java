package dev.greenlight.local.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;

/**
 * A function's resource-based policy: the statements AddPermission added, in order, rendered as
 * GetPolicy returns them ({@code {"Version":"2012-10-17","Id":"default","Statement":[...]}}).
 * A principal that is an account id becomes {@code {"AWS":"arn:aws:iam::<id>:root"}}, a service
 * {@code {"Service":...}}; SourceArn becomes an ArnLike condition and SourceAccount a
 * StringEquals one, both on the {@code AWS:} keys, as AWS writes them.
 */
final class ResourcePolicy {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final Map<String, ObjectNode> statements = new LinkedHashMap<>();

    boolean isEmpty() {
        return statements.isEmpty();
    }

    /** @return the statement as AddPermission's Statement shows it */
    String add(AddPermissionRequest request, String functionArn) {
        if (request.statementId() == null) {
            throw LambdaErrors.validation(null, "statementId", "Member must not be null");
        }
        if (request.action() == null) {
            throw LambdaErrors.validation(null, "action", "Member must not be null");
        }
        if (request.principal() == null) {
            throw LambdaErrors.validation(null, "principal", "Member must not be null");
        }
        if (statements.containsKey(request.statementId())) {
            throw LambdaErrors.conflict("The statement id (" + request.statementId()
                    + ") provided already exists. Please provide a new statement id, or remove the existing"
                    + " statement.");
        }
        ObjectNode statement = Json.NODES.objectNode();
        statement.put("Sid", request.statementId());
        statement.put("Effect", "Allow");
        statement.set("Principal", principal(request.principal()));
        statement.put("Action", request.action());
        statement.put("Resource", functionArn);
        ObjectNode condition = Json.NODES.objectNode();
        if (request.sourceAccount() != null) {
            condition.putObject("StringEquals").put("AWS:SourceAccount", request.sourceAccount());
        }
        if (request.sourceArn() != null) {
            condition.putObject("ArnLike").put("AWS:SourceArn", request.sourceArn());
        }
        if (!condition.isEmpty()) {
            statement.set("Condition", condition);
        }
        statements.put(request.statementId(), statement);
        return Json.write(statement);
    }

    void remove(String statementId) {
        if (statements.remove(statementId) == null) {
            // AWS's wording for an unknown statement id is unpublished; this names the id.
            throw LambdaErrors.notFound("Statement " + statementId + " is not found in resource policy.");
        }
    }

    String document() {
        ObjectNode policy = Json.NODES.objectNode();
        policy.put("Version", "2012-10-17");
        policy.put("Id", "default");
        policy.putArray("Statement").addAll(statements.values());
        return Json.write(policy);
    }

    private static JsonNode principal(String principal) {
        if (principal.equals("*")) {
            return Json.NODES.textNode("*");
        }
        ObjectNode node = Json.NODES.objectNode();
        if (ACCOUNT.matcher(principal).matches()) {
            node.put("AWS", "arn:aws:iam::" + principal + ":root");
        } else if (principal.startsWith("arn:")) {
            node.put("AWS", principal);
        } else {
            node.put("Service", principal);
        }
        return node;
    }
}
