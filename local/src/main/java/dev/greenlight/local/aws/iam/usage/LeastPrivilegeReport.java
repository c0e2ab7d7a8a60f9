package dev.greenlight.local.aws.iam.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.aws.iam.policy.PolicyElements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per role: the actions its policies allow (with the resources they name), those a recorded run used
 * (with the resources it used them on), and those it never used, with the reason one is kept where
 * given. Granted actions are read from the Allow statements' {@code Action}; a role's grant through
 * {@code NotAction} or a wildcard is reported as written.
 *
 * @param kept why an action never used stays granted: by role (without CDK's hash) and action, as in
 *             {@code "RollbackRole ecs:UpdateService"}, or by action for every role
 */
public record LeastPrivilegeReport(List<Role> roles, Map<String, String> kept) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One role's line: granted action to resources, used action to resources, never used actions. */
    public record Role(String name, Map<String, Set<String>> granted, Map<String, Set<String>> used, Set<String> never) {
    }

    /**
     * @param policies each role's permission policies (documents as JSON text), by role name
     * @param used     role name to action to the resources a run used it on ({@link RoleUsageLog#allowed})
     */
    public static LeastPrivilegeReport of(Map<String, List<String>> policies, Map<String, Map<String, Set<String>>> used,
            Map<String, String> kept) {
        List<Role> roles = new TreeMap<>(policies).entrySet().stream().map(role -> {
            Map<String, Set<String>> granted = granted(role.getValue());
            Map<String, Set<String>> usedByRole = new TreeMap<>(used.getOrDefault(role.getKey(), Map.of()));
            Set<String> never = new TreeSet<>(granted.keySet());
            never.removeAll(usedByRole.keySet());
            return new Role(role.getKey(), granted, usedByRole, never);
        }).toList();
        return new LeastPrivilegeReport(roles, Map.copyOf(kept));
    }

    /** The actions the Allow statements of {@code documents} name, each with the resources named beside it. */
    public static Map<String, Set<String>> granted(List<String> documents) {
        Map<String, Set<String>> granted = new TreeMap<>();
        for (String document : documents) {
            for (JsonNode statement : parse(document).path("Statement")) {
                if (!"Allow".equals(statement.path("Effect").asText())) {
                    continue;
                }
                List<String> resources = PolicyElements.texts(statement.get("Resource"));
                for (String action : PolicyElements.texts(statement.get("Action"))) {
                    granted.computeIfAbsent(action, a -> new TreeSet<>()).addAll(resources);
                }
                for (String action : PolicyElements.texts(statement.get("NotAction"))) {
                    granted.computeIfAbsent("NotAction " + action, a -> new TreeSet<>()).addAll(resources);
                }
            }
        }
        return granted;
    }

    /** The table people read: a line per role, then its used and never-used actions. */
    public String table() {
        StringBuilder table = new StringBuilder();
        for (Role role : roles) {
            table.append(String.format("%-40s granted %2d  used %2d  never used %2d%n", shortName(role.name()),
                    role.granted().size(), role.used().size(), role.never().size()));
            role.used().forEach((action, resources) -> table.append("    used  ").append(action).append(" on ")
                    .append(String.join(", ", resources)).append('\n'));
            role.never().forEach(action -> table.append("    never ").append(action).append(" (granted on ")
                    .append(String.join(", ", role.granted().get(action))).append(')')
                    .append(keptBecause(kept, role.name(), action).map(reason -> "; kept: " + reason).orElse(""))
                    .append('\n'));
        }
        return table.toString();
    }

    /** The same as JSON: {@code {"roles": [{"role", "granted": {action: [resources]}, "used": {...}, "neverUsed": [...]}]}}. */
    public ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("roles");
        for (Role role : roles) {
            ObjectNode node = array.addObject();
            node.put("role", role.name());
            node.set("granted", JSON.valueToTree(role.granted()));
            node.set("used", JSON.valueToTree(role.used()));
            ArrayNode never = node.putArray("neverUsed");
            role.never().forEach(action -> {
                ObjectNode entry = never.addObject().put("action", action);
                keptBecause(kept, role.name(), action).ifPresent(reason -> entry.put("keptBecause", reason));
            });
        }
        return root;
    }

    /** Why {@code action} stays granted to {@code role} though never used, if {@code kept} says. */
    public static Optional<String> keptBecause(Map<String, String> kept, String role, String action) {
        return Optional.ofNullable(kept.getOrDefault(shortName(role) + " " + action, kept.get(action)));
    }

    /** A CDK role name without the 8-character hash CDK appends to logical ids. */
    private static String shortName(String role) {
        return role.replaceFirst("[0-9A-F]{8}$", "");
    }

    private static JsonNode parse(String document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException("not a policy document: " + e.getMessage(), e);
        }
    }
}
