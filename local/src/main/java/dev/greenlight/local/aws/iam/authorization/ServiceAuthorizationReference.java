package dev.greenlight.local.aws.iam.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Service Authorization Reference for the twin's services, as {@code service-authorization.json}
 * keeps it: per IAM service prefix, each action's resource types and each resource type's ARN
 * template ({@code arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}}).
 */
public final class ServiceAuthorizationReference {

    private static final String RESOURCE = "/dev/greenlight/local/aws/iam/policy/service-authorization.json";

    /** One action: its name as the reference spells it and the resource types it may be authorized on. */
    public record Action(String service, String name, List<ResourceType> resourceTypes) {
        public String qualified() {
            return service + ":" + name;
        }
    }

    public record ResourceType(String name, boolean required, String arnTemplate) {
    }

    private final Map<String, Action> actions;

    private ServiceAuthorizationReference(Map<String, Action> actions) {
        this.actions = actions;
    }

    public static ServiceAuthorizationReference load() {
        try (InputStream in = ServiceAuthorizationReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceAuthorizationReference parse(JsonNode root) {
        Map<String, Action> actions = new LinkedHashMap<>();
        root.get("services").fields().forEachRemaining(service -> {
            JsonNode templates = service.getValue().get("resourceTypes");
            service.getValue().get("actions").fields().forEachRemaining(action -> {
                List<ResourceType> types = new ArrayList<>();
                action.getValue().forEach(type -> {
                    boolean optional = type.asText().startsWith("?");
                    String name = optional ? type.asText().substring(1) : type.asText();
                    types.add(new ResourceType(name, !optional, templates.path(name).asText(null)));
                });
                actions.put(key(service.getKey(), action.getKey()),
                        new Action(service.getKey(), action.getKey(), List.copyOf(types)));
            });
        });
        return new ServiceAuthorizationReference(Map.copyOf(actions));
    }

    /** The action {@code service:name}, matched case-insensitively as IAM matches action names. */
    public Optional<Action> action(String service, String name) {
        return Optional.ofNullable(actions.get(key(service, name)));
    }

    private static String key(String service, String name) {
        return (service + ":" + name).toLowerCase(Locale.ROOT);
    }
}
