package dev.greenlight.local.aws.cloudformation.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Property values as the service APIs take them: policy documents as JSON text, lists of strings. */
final class Documents {

    private Documents() {
    }

    /** A document property given inline (an object) or as a JSON string. */
    static String json(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    static List<String> strings(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> out.add(item.asText()));
        } else if (!value.isMissingNode() && !value.isNull()) {
            out.add(value.asText());
        }
        return out;
    }

    /** The part of an ARN after its last {@code :} or {@code /}, as names are referenced both ways. */
    static String lastSegment(String nameOrArn) {
        return nameOrArn.substring(Math.max(nameOrArn.lastIndexOf(':'), nameOrArn.lastIndexOf('/')) + 1);
    }
}
