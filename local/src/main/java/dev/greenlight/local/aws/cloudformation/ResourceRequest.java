package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What a provider gets to make or change one resource: its properties with every intrinsic
 * resolved, and a physical name for resources whose name the template leaves out.
 */
public record ResourceRequest(String stackName, String stackId, String logicalId, String type, ObjectNode properties,
        RandomGenerator random) {

    public JsonNode property(String name) {
        return properties.path(name);
    }

    public Optional<String> text(String name) {
        JsonNode value = properties.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.isValueNode() ? value.asText()
                : value.toString());
    }

    public String required(String name) {
        return text(name).orElseThrow(() -> CloudFormationErrors.validation(
                "Properties validation failed for resource " + logicalId + " with message: #: required key [" + name
                        + "] not found"));
    }

    /**
     * The named property, else a name as CloudFormation generates one: stack name, logical id and a
     * random suffix, shortened to {@code maxLength}; lower case where the service requires it.
     */
    public String nameOr(String property, int maxLength, boolean lowerCase) {
        return text(property).orElseGet(() -> generatedName(maxLength, lowerCase));
    }

    public String generatedName(int maxLength, boolean lowerCase) {
        StringBuilder suffix = new StringBuilder();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 12; i++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String prefix = stackName + "-" + logicalId;
        int room = maxLength - suffix.length() - 1;
        String name = (prefix.length() > room ? prefix.substring(0, room) : prefix) + "-" + suffix;
        return lowerCase ? name.toLowerCase(Locale.ROOT) : name;
    }
}
