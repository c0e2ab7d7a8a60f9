package dev.greenlight.statemachine.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, measured: named scenarios run with IAM enforced and the workers' roles as
 * synthesized; per role, the actions granted, those the scenarios use (with the resources), and
 * those never used. Then each used action is removed from its role in turn and the scenario that
 * used it first is run again: it must hit AccessDenied for that action. Actions never used are
 * kept only with the reason in {@link #KEPT}.
 */
class LeastPrivilegeTest {

    /** Named scenarios: how each is set up and run to its end. */
    private static final Map<String, Flow> FLOWS = new LinkedHashMap<>();

    private record Flow(ApprovalMode approval, Consumer<Scenario> run) {
    }

    static {
        FLOWS.put("goodPush_isReleased", new Flow(ApprovalMode.auto, s -> {
            s.push("2.0", "healthy");
            s.runToEnd();
        }));
        FLOWS.put("alarmDuringTheCanary_stopsAndRollsBack", new Flow(ApprovalMode.auto, s -> {
            s.push("2.0", "errors:0.5");
            s.runToEnd();
        }));
        FLOWS.put("manualApproval_unanswered_rollsBack", new Flow(ApprovalMode.manual, s -> {
            s.push("2.0", "healthy");
            s.runToEnd();
        }));
    }

    private static final String LAMBDA_LOGS = "Lambda's runtime writes each function's logs with its execution role; "
            + "the twin's Lambda keeps no CloudWatch Logs, so no scenario can use it";
    private static final String NOT_CALLED = "no worker calls it: granted beside CreateDeployment for the revision "
            + "and configuration a deployment names, which the Service Authorization Reference does not list as "
            + "dependent actions; a candidate for removal once a release in AWS runs without it";

    /** Granted but used by no scenario: why each stays in the CDK app. */
    static final Map<String, String> KEPT = Map.ofEntries(
            Map.entry("logs:CreateLogStream", LAMBDA_LOGS),
            Map.entry("logs:PutLogEvents", LAMBDA_LOGS),
            Map.entry("iam:PassRole", "RegisterTaskDefinition passes the task and execution roles: AWS checks "
                    + "iam:PassRole for them, an implied check the twin does not model"),
            Map.entry("ecs:TagResource", "RegisterTaskDefinition tags the revision it registers: AWS checks "
                    + "ecs:TagResource for tags on create, an implied check the twin does not model"),
            Map.entry("ecr:GetDownloadUrlForLayer", "VerifyImage reads the image's config blob through its download "
                    + "URL; on the twin the blob is handed to it in-process (PipelineOnTwin), so the call is not made"),
            Map.entry("ecr:StartImageScan", "VerifyImage starts a scan only for an image without one; the twin's "
                    + "repository scans on push, so the scenarios' images always have one"),
            Map.entry("codedeploy:GetDeployment", "Preflight reads a deployment already active on the group, "
                    + "StartDeployment one it started before an answer was lost (DeploymentLimitExceeded), StopOnAlarm "
                    + "one still running when the alarm's event arrives: in the named flows none is"),
            Map.entry("codedeploy:ListDeployments", "StartDeployment lists the group's deployments only after "
                    + "DeploymentLimitExceeded, to resume the one it started; the named flows never meet it"),
            Map.entry("codedeploy:StopDeployment", "Rollback and StopOnAlarm stop a deployment still in progress; in "
                    + "the named flows CodeDeploy's own alarm rollback has stopped it first"),
            Map.entry("codedeploy:GetDeploymentConfig", NOT_CALLED),
            Map.entry("codedeploy:RegisterApplicationRevision", NOT_CALLED),
            Map.entry("codedeploy:GetApplicationRevision", NOT_CALLED));

    @Test
    void everyUsedActionIsNeeded_andEveryUnusedOneHasAReason() {
        Map<String, JsonNode> synthesized = synthesizedPolicies();
        Map<String, String> firstUsedBy = new TreeMap<>();
        Map<String, Map<String, Set<String>>> used = new TreeMap<>();
        for (Map.Entry<String, Flow> flow : FLOWS.entrySet()) {
            RoleUsage usage = run(flow.getValue(), Map.of());
            assertThat(usage.denials()).as("%s with the synthesized roles", flow.getKey()).isEmpty();
            usage.allowed().forEach((role, actions) -> actions.forEach((action, resources) -> {
                used.computeIfAbsent(role, r -> new TreeMap<>()).computeIfAbsent(action, a -> new TreeSet<>())
                        .addAll(resources);
                firstUsedBy.putIfAbsent(role + " " + action, flow.getKey());
            }));
        }
        System.out.println(report(synthesized, used));

        List<String> unneeded = new ArrayList<>();
        int mutations = 0;
        for (Map.Entry<String, JsonNode> role : synthesized.entrySet()) {
            for (String action : granted(role.getValue())) {
                String key = role.getKey() + " " + action;
                String flow = firstUsedBy.get(key);
                if (flow == null) {
                    if (!KEPT.containsKey(action)) {
                        unneeded.add(key);
                    }
                    continue;
                }
                mutations++;
                RoleUsage mutated = run(FLOWS.get(flow), Map.of(role.getKey(), without(role.getValue(), action)));
                assertThat(mutated.denied(role.getKey(), action))
                        .as("removing %s from %s makes %s fail with AccessDenied", action, role.getKey(), flow).isTrue();
            }
        }
        assertThat(unneeded).as("granted actions no scenario uses and no reason keeps").isEmpty();
        System.out.printf("mutations: %d used actions removed one at a time, each refused with AccessDenied in its "
                + "scenario%n", mutations);
    }

    /** Runs {@code flow}; with mutated roles the flow may fail, which is the point: the usage says why. */
    private static RoleUsage run(Flow flow, Map<String, JsonNode> policies) {
        try (Scenario scenario = Scenario.withRolePolicies(flow.approval(), policies)) {
            RoleUsage usage = RoleUsage.of(scenario);
            try {
                flow.run().accept(scenario);
            } catch (AssertionError | RuntimeException failed) {
                if (policies.isEmpty()) {
                    throw failed;
                }
            }
            return usage;
        }
    }

    static Map<String, JsonNode> synthesizedPolicies() {
        Map<String, JsonNode> policies = new TreeMap<>();
        SynthesizedRoles.export().get("roles").forEach(entry -> policies.put(entry.get("role").asText(), entry.get("policy")));
        return policies;
    }

    static Set<String> granted(JsonNode policy) {
        Set<String> actions = new TreeSet<>();
        policy.path("Statement").forEach(statement -> {
            JsonNode action = statement.path("Action");
            (action.isArray() ? action : List.of(action)).forEach(a -> actions.add(((JsonNode) a).asText()));
        });
        return actions;
    }

    /** The policy with {@code action} taken out of every statement (a statement left with no action dropped). */
    static JsonNode without(JsonNode policy, String action) {
        ObjectNode copy = policy.deepCopy();
        ArrayNode statements = copy.putArray("Statement");
        for (JsonNode statement : policy.path("Statement")) {
            ObjectNode kept = statement.deepCopy();
            ArrayNode actions = kept.putArray("Action");
            JsonNode original = statement.path("Action");
            (original.isArray() ? original : List.of(original)).forEach(a -> {
                if (!((JsonNode) a).asText().equals(action)) {
                    actions.add(((JsonNode) a).asText());
                }
            });
            if (!actions.isEmpty()) {
                statements.add(kept);
            }
        }
        return copy;
    }

    /** Per role: granted, used by the scenarios (with resources), never used. */
    static String report(Map<String, JsonNode> synthesized, Map<String, Map<String, Set<String>>> used) {
        StringBuilder table = new StringBuilder("IAM least privilege (roles as synthesized, scenarios "
                + String.join(", ", FLOWS.keySet()) + ")\n");
        Function<String, String> shortRole = role -> role.replaceFirst("[0-9A-F]{8}$", "");
        for (Map.Entry<String, JsonNode> role : synthesized.entrySet()) {
            Set<String> granted = granted(role.getValue());
            Map<String, Set<String>> usedByRole = used.getOrDefault(role.getKey(), Map.of());
            Set<String> never = new TreeSet<>(granted);
            never.removeAll(usedByRole.keySet());
            table.append(String.format("%-40s granted %2d  used %2d  never used %2d%n", shortRole.apply(role.getKey()),
                    granted.size(), usedByRole.size(), never.size()));
            usedByRole.forEach((action, resources) -> table.append("    used  ").append(action).append(" on ")
                    .append(String.join(", ", resources)).append('\n'));
            never.forEach(action -> table.append("    never ").append(action)
                    .append(KEPT.containsKey(action) ? " (kept: " + KEPT.get(action) + ")" : "").append('\n'));
        }
        return table.toString();
    }
}
