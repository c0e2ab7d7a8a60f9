package dev.greenlight.local.aws.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS managed policies the seed workflow and the CDK bootstrap template attach, by ARN, with
 * the documents, versions and dates of AWS's managed policy reference (kept in {@code aws-managed-policies.json}).
 */
final class AwsManagedPolicies {

    private static final String RESOURCE = "aws-managed-policies.json";

    private AwsManagedPolicies() {
    }

    static Map<String, ManagedPolicy> load() {
        Map<String, ManagedPolicy> byArn = new LinkedHashMap<>();
        for (JsonNode entry : read()) {
            String name = entry.get("name").asText();
            String path = entry.get("path").asText();
            String arn = "arn:aws:iam::aws:policy" + path + name;
            byArn.put(arn, new ManagedPolicy(name, "ANPA" + Integer.toHexString(name.hashCode()).toUpperCase() + "AWS",
                    arn, path, entry.get("description").asText(), entry.get("version").asText(),
                    entry.get("document").toString(), Instant.parse(entry.get("created").asText()),
                    Instant.parse(entry.get("updated").asText()), List.of()));
        }
        return byArn;
    }

    private static JsonNode read() {
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
