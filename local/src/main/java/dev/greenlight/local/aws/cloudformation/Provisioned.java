package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** A resource a provider made: the physical id Ref answers, and the attributes Fn::GetAtt reads. */
public record Provisioned(String physicalId, Map<String, JsonNode> attributes) {

    public Provisioned {
        attributes = Map.copyOf(attributes);
    }

    /** Attributes given as text, in pairs: {@code of("id", "Arn", "arn:...", "Name", "x")}. */
    public static Provisioned of(String physicalId, String... attributePairs) {
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        for (int i = 0; i + 1 < attributePairs.length; i += 2) {
            attributes.put(attributePairs[i], JsonNodeFactory.instance.textNode(attributePairs[i + 1]));
        }
        return new Provisioned(physicalId, attributes);
    }

    public Provisioned with(String attribute, JsonNode value) {
        Map<String, JsonNode> more = new LinkedHashMap<>(attributes);
        more.put(attribute, value);
        return new Provisioned(physicalId, more);
    }
}
