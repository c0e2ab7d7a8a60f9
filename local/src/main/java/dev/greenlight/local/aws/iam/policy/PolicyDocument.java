package dev.greenlight.local.aws.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed policy: its statements, and whether policy variables apply (Version 2012-10-17 only;
 * under 2008-10-17 or no Version, {@code ${...}} is literal text).
 */
public record PolicyDocument(List<Statement> statements, boolean variablesAllowed) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static PolicyDocument parse(String text) {
        try {
            return of(JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored policy is not JSON", e);
        }
    }

    public static PolicyDocument of(JsonNode document) {
        List<Statement> statements = new ArrayList<>();
        JsonNode node = document.path("Statement");
        for (JsonNode statement : node.isArray() ? node : List.of(node)) {
            if (statement.isObject()) {
                statements.add(Statement.parse(statement));
            }
        }
        return new PolicyDocument(List.copyOf(statements), "2012-10-17".equals(document.path("Version").asText()));
    }
}
