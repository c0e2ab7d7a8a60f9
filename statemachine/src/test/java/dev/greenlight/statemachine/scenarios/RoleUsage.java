package dev.greenlight.statemachine.scenarios;

import dev.greenlight.local.aws.iam.enforcement.AuthorizationCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the workers' roles were asked for during a run: each check, by role name, allowed or denied. */
final class RoleUsage {

    private final List<AuthorizationCheck> checks = new CopyOnWriteArrayList<>();

    static RoleUsage of(Scenario scenario) {
        RoleUsage usage = new RoleUsage();
        scenario.twin.iamEnforcement().onCheck(usage.checks::add);
        return usage;
    }

    /** Role name to action to the resources it was allowed on. */
    Map<String, Map<String, Set<String>>> allowed() {
        Map<String, Map<String, Set<String>>> used = new TreeMap<>();
        checks.stream().filter(check -> check.decision().allowed() && check.caller().roleArn() != null)
                .forEach(check -> used.computeIfAbsent(roleName(check), r -> new TreeMap<>())
                        .computeIfAbsent(check.action(), a -> new TreeSet<>()).add(check.resource()));
        return used;
    }

    boolean denied(String role, String action) {
        return checks.stream().anyMatch(check -> !check.decision().allowed() && check.caller().roleArn() != null
                && roleName(check).equals(role) && check.action().equalsIgnoreCase(action));
    }

    List<AuthorizationCheck> denials() {
        return checks.stream().filter(check -> !check.decision().allowed()).toList();
    }

    private static String roleName(AuthorizationCheck check) {
        return check.caller().roleArn().substring(check.caller().roleArn().lastIndexOf('/') + 1);
    }
}
