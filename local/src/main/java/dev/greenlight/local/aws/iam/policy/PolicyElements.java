package dev.greenlight.local.aws.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading a policy element's value, shared by the evaluator and by IAM's validation of a document. */
public final class PolicyElements {

    private PolicyElements() {
    }

    /** A string or an array of strings (numbers and booleans as their text), as policy elements allow. */
    public static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
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
