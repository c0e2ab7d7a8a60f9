package dev.greenlight.local.aws.cloudformation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The resource types the twin can deploy, each with its provider. */
public final class ResourceProviders {

    private final Map<String, ResourceProvider> byType = new LinkedHashMap<>();

    public ResourceProviders register(String type, ResourceProvider provider) {
        byType.put(type, provider);
        return this;
    }

    Optional<ResourceProvider> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public List<String> types() {
        return List.copyOf(new TreeSet<>(byType.keySet()));
    }

    /** Refuses a template with a type the twin has no provider for, as AWS refuses a type it does not know. */
    void requireKnown(Template template) {
        TreeSet<String> unknown = new TreeSet<>();
        template.resourceTypes().stream().filter(t -> !byType.containsKey(t)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw CloudFormationErrors.formatError("Unrecognized resource types: " + unknown);
        }
    }
}
