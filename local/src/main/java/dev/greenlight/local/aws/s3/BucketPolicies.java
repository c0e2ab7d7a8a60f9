package dev.greenlight.local.aws.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The checks S3 makes on a bucket policy before keeping it (S3 User Guide, "Bucket policy
 * examples" and the policy element reference): JSON whose first byte is '{', a Statement, and
 * in each statement an Effect, a Principal, an Action and resources that are this bucket or its
 * objects. Wording as S3 answers it (MalformedPolicy); AWS does not publish every message.
 */
final class BucketPolicies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BucketPolicies() {
    }

    static void check(String bucket, String policy) {
        JsonNode document;
        try {
            document = policy == null || !policy.trim().startsWith("{") ? null : JSON.readTree(policy);
        } catch (IOException e) {
            document = null;
        }
        if (document == null) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        JsonNode statements = document.get("Statement");
        if (statements == null) {
            throw malformed("Missing required field Statement");
        }
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            if (!statement.has("Effect")) {
                throw malformed("Missing required field Effect");
            }
            for (String element : List.of("Principal", "Action", "Resource")) {
                if (!statement.has(element) && !statement.has("Not" + element)) {
                    throw malformed("Missing required field " + element);
                }
            }
            String arn = "arn:aws:s3:::" + bucket;
            for (String resource : texts(statement.has("Resource") ? statement.get("Resource")
                    : statement.get("NotResource"))) {
                if (!resource.equals(arn) && !resource.startsWith(arn + "/")) {
                    throw malformed("Policy has invalid resource");
                }
            }
        }
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(element -> values.add(element.asText()));
        } else if (node != null) {
            values.add(node.asText());
        }
        return values;
    }

    private static S3Exception malformed(String message) {
        return S3Errors.of("MalformedPolicy", message, 400);
    }
}
