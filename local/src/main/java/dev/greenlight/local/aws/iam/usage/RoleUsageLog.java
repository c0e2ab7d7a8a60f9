package dev.greenlight.local.aws.iam.usage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.aws.iam.enforcement.AuthorizationCheck;
import dev.greenlight.local.aws.iam.enforcement.IamEnforcement;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What roles were asked for on the twin: each check IAM enforcement evaluated for a role session,
 * allowed or denied, kept by role name, action and resource (so a long session keeps each fact once).
 * Calls by the account root are not checked, so not recorded. {@link #json} is what the gateway serves
 * at {@code /_greenlight/iam-usage} for {@code greenlight iam report}.
 */
public final class RoleUsageLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Map<String, Set<String>>>> BY_ROLE = new TypeReference<>() {
    };

    private final Map<String, Map<String, Set<String>>> allowed = new TreeMap<>();
    private final Map<String, Map<String, Set<String>>> denied = new TreeMap<>();

    /** A log of every check {@code enforcement} evaluates from now on. */
    public static RoleUsageLog of(IamEnforcement enforcement) {
        RoleUsageLog log = new RoleUsageLog();
        enforcement.onCheck(log::record);
        return log;
    }

    synchronized void record(AuthorizationCheck check) {
        String roleArn = check.caller().roleArn();
        if (roleArn == null) {
            return;
        }
        (check.decision().allowed() ? allowed : denied)
                .computeIfAbsent(roleArn.substring(roleArn.lastIndexOf('/') + 1), r -> new TreeMap<>())
                .computeIfAbsent(check.action(), a -> new TreeSet<>()).add(check.resource());
    }

    /** Role name to action to the resources it was allowed on. */
    public synchronized Map<String, Map<String, Set<String>>> allowed() {
        return copy(allowed);
    }

    /** Role name to action to the resources it was refused on. */
    public synchronized Map<String, Map<String, Set<String>>> denials() {
        return copy(denied);
    }

    /** Whether {@code role} was refused {@code action} (actions compare case-insensitively, as IAM's do). */
    public synchronized boolean denied(String role, String action) {
        return denied.getOrDefault(role, Map.of()).keySet().stream().anyMatch(action::equalsIgnoreCase);
    }

    /** {@code {"allowed": {role: {action: [resources]}}, "denied": {...}}}, for {@code role} only when not null. */
    public synchronized String json(String role) {
        ObjectNode root = JSON.createObjectNode();
        root.set("allowed", JSON.valueToTree(role == null ? allowed : Map.of(role, allowed.getOrDefault(role, Map.of()))));
        root.set("denied", JSON.valueToTree(role == null ? denied : Map.of(role, denied.getOrDefault(role, Map.of()))));
        return root.toString();
    }

    /** The {@code allowed} part of a {@link #json} answer. */
    public static Map<String, Map<String, Set<String>>> allowedIn(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            return JSON.convertValue(root.path("allowed"), BY_ROLE);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a record of IAM use: " + e.getMessage(), e);
        }
    }

    private static Map<String, Map<String, Set<String>>> copy(Map<String, Map<String, Set<String>>> byRole) {
        Map<String, Map<String, Set<String>>> copy = new TreeMap<>();
        byRole.forEach((role, actions) -> actions.forEach((action, resources) -> copy
                .computeIfAbsent(role, r -> new TreeMap<>()).put(action, new TreeSet<>(resources))));
        return copy;
    }
}
