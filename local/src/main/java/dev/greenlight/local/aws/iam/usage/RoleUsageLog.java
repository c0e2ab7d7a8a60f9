package dev.greenlight.local.aws.iam.usage;

import dev.greenlight.local.aws.iam.enforcement.AuthorizationCheck;
import dev.greenlight.local.aws.iam.enforcement.IamEnforcement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What roles were asked for on the twin: each check IAM enforcement evaluated for a role session,
 * allowed or denied, by role name. Calls by the account root are not checked, so not recorded.
 */
public final class RoleUsageLog {

    private final List<AuthorizationCheck> checks = new CopyOnWriteArrayList<>();

    /** A log of every check {@code enforcement} evaluates from now on. */
    public static RoleUsageLog of(IamEnforcement enforcement) {
        RoleUsageLog log = new RoleUsageLog();
        enforcement.onCheck(log::record);
        return log;
    }

    void record(AuthorizationCheck check) {
        if (check.caller().roleArn() != null) {
            checks.add(check);
        }
    }

    /** Role name to action to the resources it was allowed on. */
    public Map<String, Map<String, Set<String>>> allowed() {
        Map<String, Map<String, Set<String>>> used = new TreeMap<>();
        checks.stream().filter(check -> check.decision().allowed())
                .forEach(check -> used.computeIfAbsent(roleName(check), r -> new TreeMap<>())
                        .computeIfAbsent(check.action(), a -> new TreeSet<>()).add(check.resource()));
        return used;
    }

    /** Whether {@code role} was refused {@code action} (actions compare case-insensitively, as IAM's do). */
    public boolean denied(String role, String action) {
        return checks.stream().anyMatch(check -> !check.decision().allowed() && roleName(check).equals(role)
                && check.action().equalsIgnoreCase(action));
    }

    public List<AuthorizationCheck> denials() {
        return checks.stream().filter(check -> !check.decision().allowed()).toList();
    }

    private static String roleName(AuthorizationCheck check) {
        return check.caller().roleArn().substring(check.caller().roleArn().lastIndexOf('/') + 1);
    }
}
