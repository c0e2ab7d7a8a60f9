package dev.greenlight.statemachine.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.aws.ecr.LocalImage;
import dev.greenlight.local.aws.ecr.PlannedFinding;
import dev.greenlight.local.aws.iam.usage.LeastPrivilegeReport;
import dev.greenlight.local.aws.iam.usage.RoleUsageLog;
import dev.greenlight.statemachine.twin.PipelineRoles;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;

/**
 * Least privilege, measured, on each backend: named flows run with IAM enforced and the workers' and
 * the state machine's roles as synthesized for that backend (and, on CodeDeploy, its service role as
 * the demo stack gives it); per role, the actions granted, those the
 * flows use (with the resources), and those never used. Then each used action is removed from its role
 * in turn (the state machine's lambda:InvokeFunction one worker's alias at a time) and the flow that
 * used it first is run again: it must hit AccessDenied for that action (and alias). Grants never used
 * are kept only with the reason in {@link #KEPT}.
 */
class LeastPrivilegeTest {

    /** A named flow: how its scenario is set up and run to its end, and on which backends. */
    private record Flow(String name, Set<Backend> backends, ApprovalMode approval, String originalProfile,
            boolean alarms, Consumer<Scenario> run) {

        static Flow of(String name, ApprovalMode approval, Consumer<Scenario> run) {
            return new Flow(name, Set.of(Backend.values()), approval, "healthy", true, run);
        }
    }

    /** In order: a used action's mutation reruns the first flow that used it, so cheap and common flows come first. */
    static final List<Flow> FLOWS = List.of(
            Flow.of("goodPush_isReleased", ApprovalMode.auto, s -> {
                s.push("2.0", "healthy");
                s.runToEnd();
            }),
            Flow.of("imageWithACriticalFinding_isRejected", ApprovalMode.auto, s -> {
                s.push(LocalImage.of("2.0", "healthy").withFindings(List.of(new PlannedFinding("CVE-2026-0001",
                        FindingSeverity.CRITICAL, "remote code execution in the parser"))));
                s.runToEnd();
            }),
            Flow.of("repositoryWithoutScanOnPush_theImageIsScannedFirst_andReleased", ApprovalMode.auto, s -> {
                s.twin.ecr().putImageScanningConfiguration(r -> r.repositoryName(Scenario.SERVICE)
                        .imageScanningConfiguration(c -> c.scanOnPush(false)));
                s.push("2.0", "healthy");
                s.runToEnd();
            }),
            Flow.of("smokeTestFailure_rollsBack", ApprovalMode.auto, s -> {
                s.push("2.0", "errors:1.0");
                s.runToEnd();
            }),
            Flow.of("alarmDuringTheCanary_rollsBack", ApprovalMode.auto, s -> {
                s.push("2.0", "errors:0.5");
                s.runToEnd();
            }),
            new Flow("canaryAnalysisFailure_rollsBack", Set.of(Backend.values()), ApprovalMode.auto, "errors:0.002",
                    false, s -> {
                        s.push("2.0", "errors:0.03");
                        s.runToEnd();
                    }),
            // The deployment group has no alarm: StopOnAlarm, on the alarm's event, is what stops the deployment.
            new Flow("alarmOnlyInGreenlightsConfig_stopOnAlarmStopsTheDeployment", Set.of(Backend.codedeploy),
                    ApprovalMode.auto, "healthy", true, s -> {
                        s.twin.codeDeploy().updateDeploymentGroup(r -> r.applicationName(Scenario.SERVICE)
                                .currentDeploymentGroupName(s.orders.deploymentGroup())
                                .alarmConfiguration(a -> a.enabled(false)));
                        s.push("2.0", "errors:0.5");
                        s.runToEnd();
                    }),
            Flow.of("manualApproval_approved_isReleased", ApprovalMode.manual, s -> {
                s.push("2.0", "healthy");
                String token = awaitApproval(s);
                s.twin.stepFunctions().sendTaskSuccess(r -> r.taskToken(token)
                        .output("{\"approved\": true, \"by\": \"alice\", \"reason\": \"canary is clean\"}"));
                s.runToEnd();
            }),
            Flow.of("manualApproval_rejected_rollsBack", ApprovalMode.manual, s -> {
                s.push("2.0", "healthy");
                String token = awaitApproval(s);
                s.twin.stepFunctions().sendTaskFailure(r -> r.taskToken(token).error("Greenlight.ApprovalRejected")
                        .cause("alice: the release notes are not out yet"));
                s.runToEnd();
            }),
            Flow.of("manualApproval_unanswered_rollsBack", ApprovalMode.manual, s -> {
                s.push("2.0", "healthy");
                s.runToEnd();
            }),
            Flow.of("secondPushDuringADeployment_waitsForIt", ApprovalMode.auto, s -> {
                s.push("2.0", "healthy");
                s.runUntil(() -> !s.executions().isEmpty(), Duration.ofMinutes(1));
                String first = s.executions().get(0).executionArn();
                s.runUntil(() -> s.exited(first, "StartDeployment", 1), Duration.ofMinutes(10));
                s.push("3.0", "healthy");
                s.runAllToEnd();
            }));

    private static final String LAMBDA_LOGS = "Lambda's runtime writes each function's logs with its execution role; "
            + "the twin's Lambda does so only for functions from uploaded code, and these flows run the workers "
            + "registered in-process (PipelineOnTwin), so no flow here uses it";
    private static final String CREATE_DEPLOYMENT_IMPLIES = "CreateDeployment names a deployment configuration and "
            + "registers the revision it deploys: AWS's own ECS deploy action (aws-actions/amazon-ecs-deploy-task-"
            + "definition) lists GetDeploymentConfig and RegisterApplicationRevision among the minimal permissions "
            + "of a CodeDeploy deployment, though the Service Authorization Reference names no dependent actions; "
            + "an implied check the twin does not model";
    private static final String PASS_ROLE = "the call passes a role (the task and execution roles of a task "
            + "definition; on ECS the hook's role of a deployment) and AWS checks iam:PassRole for it. The twin checks "
            + "it for RegisterTaskDefinition, but the scenarios' task definition passes no role; the hook's role "
            + "that UpdateService passes is not checked by the twin";
    private static final String RESUME = "read only to resume a deployment started before an answer was lost "
            + "(DeploymentLimitExceeded, or a retry finding its service deployment running); the named flows lose none";

    private static final String EXECUTION_LOGS = "the CDK app gives the state machine a log group: Step Functions "
            + "delivers its execution logs as its role through CloudWatch Logs' log delivery, which the twin's "
            + "Step Functions does not model (it keeps the history only)";
    private static final String TRACING = "the CDK app turns on X-Ray tracing for the state machine: Step Functions "
            + "sends the traces as its role; the twin has no X-Ray";

    private static final String MANAGED = "AWSCodeDeployRoleForECS, the AWS managed policy the demo stack gives "
            + "CodeDeploy's role as AWS documents for ECS blue/green: not the CDK app's to trim";

    /**
     * Granted but used by no flow: why each stays in the CDK app, by role (without CDK's hash) and action
     * (for the state machine's invoke grants, {@code action on Alias}), or by action for every role.
     */
    static final Map<String, String> KEPT = Map.ofEntries(
            Map.entry("logs:CreateLogStream", LAMBDA_LOGS),
            Map.entry("logs:PutLogEvents", LAMBDA_LOGS),
            Map.entry("RegisterTaskDefinitionRole iam:PassRole", PASS_ROLE),
            Map.entry("StartDeploymentRole iam:PassRole", PASS_ROLE),
            Map.entry("RegisterTaskDefinitionRole ecs:TagResource", "RegisterTaskDefinition tags the revision it "
                    + "registers: AWS checks ecs:TagResource for tags on create, an implied check the twin does not "
                    + "model"),
            Map.entry("VerifyImageRole ecr:GetDownloadUrlForLayer", "VerifyImage reads the image's config blob "
                    + "through its download URL; on the twin the blob is handed to it in-process (PipelineOnTwin), "
                    + "so the call is not made"),
            Map.entry("StartDeploymentRole codedeploy:GetDeployment", RESUME),
            Map.entry("StartDeploymentRole codedeploy:ListDeployments", RESUME),
            Map.entry("StartDeploymentRole ecs:DescribeServiceRevisions", RESUME),
            Map.entry("StartDeploymentRole codedeploy:GetDeploymentConfig", CREATE_DEPLOYMENT_IMPLIES),
            Map.entry("StartDeploymentRole codedeploy:RegisterApplicationRevision", CREATE_DEPLOYMENT_IMPLIES),
            Map.entry("RollbackRole codedeploy:GetDeploymentConfig", CREATE_DEPLOYMENT_IMPLIES),
            Map.entry("RollbackRole codedeploy:RegisterApplicationRevision", CREATE_DEPLOYMENT_IMPLIES),
            Map.entry("RollbackRole ecs:UpdateService", "Rollback redeploys the previous task definition only when "
                    + "the deployment already succeeded (blue gone). On CodeDeploy blue's termination wait can run "
                    + "out while an approval is unanswered, so a named flow gets there; on ECS the promotion gate "
                    + "holds the deployment until the pipeline decides, so only a fault after promotion does"),
            Map.entry("RollbackRole ecs:ListServiceDeployments", "Rollback lists the service's deployments only to "
                    + "name the redeploy it started (see ecs:UpdateService)"),
            Map.entry("PipelineRole logs:CreateLogDelivery", EXECUTION_LOGS),
            Map.entry("PipelineRole logs:GetLogDelivery", EXECUTION_LOGS),
            Map.entry("PipelineRole logs:UpdateLogDelivery", EXECUTION_LOGS),
            Map.entry("PipelineRole logs:DeleteLogDelivery", EXECUTION_LOGS),
            Map.entry("PipelineRole logs:ListLogDeliveries", EXECUTION_LOGS),
            Map.entry("PipelineRole logs:PutResourcePolicy", EXECUTION_LOGS),
            Map.entry("PipelineRole logs:DescribeResourcePolicies", EXECUTION_LOGS),
            Map.entry("PipelineRole logs:DescribeLogGroups", EXECUTION_LOGS),
            Map.entry("PipelineRole xray:PutTraceSegments", TRACING),
            Map.entry("PipelineRole xray:PutTelemetryRecords", TRACING),
            Map.entry("PipelineRole xray:GetSamplingRules", TRACING),
            Map.entry("PipelineRole xray:GetSamplingTargets", TRACING),
            Map.entry("PipelineRole lambda:InvokeFunction on DriveSyntheticLoadLive", "the flows' service drives no "
                    + "synthetic load; SyntheticLoadOnTheTwinTest runs the pipeline with it, invoking "
                    + "DriveSyntheticLoad as this role as synthesized"),
            Map.entry("codedeploy elasticloadbalancing:DescribeListeners", MANAGED),
            Map.entry("codedeploy elasticloadbalancing:DescribeRules", MANAGED),
            Map.entry("codedeploy elasticloadbalancing:ModifyRule", MANAGED + "; the demo stack routes by "
                    + "the listeners' default actions, not by rules"),
            Map.entry("codedeploy sns:Publish", MANAGED + "; the deployment group has no trigger"),
            Map.entry("codedeploy s3:GetObject", MANAGED + "; the pipeline's revisions are AppSpec content, not "
                    + "S3 objects"),
            Map.entry("codedeploy s3:GetObjectVersion", MANAGED + "; the pipeline's revisions are AppSpec content, "
                    + "not S3 objects"),
            Map.entry("codedeploy iam:PassRole", MANAGED + "; CreateTaskSet passes no role"),
            Map.entry("StopOnAlarmRole ecs:DescribeServiceDeployments", "StopOnAlarm reads and stops a release still "
                    + "running when the alarm's event arrives; ECS rolls back on the release's own alarms first"),
            Map.entry("StopOnAlarmRole ecs:StopServiceDeployment", "StopOnAlarm reads and stops a release still "
                    + "running when the alarm's event arrives; ECS rolls back on the release's own alarms first"));

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void everyUsedActionIsNeeded_andEveryUnusedOneHasAReason(Backend backend) {
        Map<String, JsonNode> synthesized = synthesizedPolicies(backend);
        Map<String, String> firstUsedBy = new TreeMap<>();
        Map<String, Map<String, Set<String>>> used = new TreeMap<>();
        List<Flow> flows = FLOWS.stream().filter(flow -> flow.backends().contains(backend)).toList();
        for (Flow flow : flows) {
            RoleUsageLog usage = run(flow, backend, Map.of());
            assertThat(usage.denials()).as("%s with the synthesized roles", flow.name()).isEmpty();
            usage.allowed().forEach((role, actions) -> actions.forEach((action, resources) -> {
                used.computeIfAbsent(role, r -> new TreeMap<>()).computeIfAbsent(action, a -> new TreeSet<>())
                        .addAll(resources);
                firstUsedBy.putIfAbsent(role + " " + action, flow.name());
                resources.forEach(resource -> firstUsedBy.putIfAbsent(role + " " + action + " " + resource,
                        flow.name()));
            }));
        }
        System.out.println(report(backend, synthesized, used));

        List<String> unneeded = new ArrayList<>();
        int mutations = 0;
        for (Map.Entry<String, JsonNode> role : synthesized.entrySet()) {
            for (Grant grant : grants(backend, role.getKey(), role.getValue())) {
                String flowName = firstUsedBy.get(grant.usedKey());
                if (flowName == null) {
                    if (LeastPrivilegeReport.keptBecause(KEPT, role.getKey(), grant.keptKey()).isEmpty()) {
                        unneeded.add(role.getKey() + " " + grant.keptKey());
                    }
                    continue;
                }
                mutations++;
                Flow flow = flows.stream().filter(f -> f.name().equals(flowName)).findFirst().orElseThrow();
                RoleUsageLog mutated = run(flow, backend, Map.of(role.getKey(), grant.without(role.getValue())));
                assertThat(grant.refusedIn(mutated))
                        .as("removing %s from %s makes %s fail with AccessDenied", grant.keptKey(), role.getKey(),
                                flowName)
                        .isTrue();
            }
        }
        assertThat(unneeded).as("granted actions no flow uses and no reason keeps").isEmpty();
        System.out.printf("mutations on %s: %d used grants removed one at a time, each refused with AccessDenied "
                + "in its flow%n", backend, mutations);
    }

    /**
     * What one mutation takes from a role: an action, or, for the state machine's role, which is granted
     * lambda:InvokeFunction once per worker's alias, that action on one resource (as written, with its ARN on
     * the twin).
     */
    private record Grant(String role, String action, String resource, String arn) {

        /** The key {@code firstUsedBy} records this grant's first use under. */
        String usedKey() {
            return role + " " + action + (arn == null ? "" : " " + arn);
        }

        /** The key a reason to keep it unused is written under, after the role: {@code action [on Alias]}. */
        String keptKey() {
            return resource == null ? action
                    : action + " on " + resource.replaceAll("[{}]", "").replaceFirst("[0-9A-F]{8}$", "");
        }

        JsonNode without(JsonNode policy) {
            return resource == null ? LeastPrivilegeTest.without(policy, action)
                    : LeastPrivilegeTest.without(policy, action, resource);
        }

        boolean refusedIn(RoleUsageLog usage) {
            return arn == null ? usage.denied(role, action)
                    : usage.denials().getOrDefault(role, Map.of()).getOrDefault(action, Set.of()).contains(arn);
        }
    }

    private static List<Grant> grants(Backend backend, String role, JsonNode policy) {
        List<Grant> grants = new ArrayList<>();
        boolean perResource = role.equals(PipelineRoles.export(backend).get("stateMachine").get("role").asText());
        LeastPrivilegeReport.granted(List.of(policy.toString())).forEach((action, resources) -> {
            if (perResource && !resources.contains("*")) {
                resources.forEach(resource -> grants.add(new Grant(role, action, resource,
                        PipelineRoles.resolved(backend, resource))));
            } else {
                grants.add(new Grant(role, action, null, null));
            }
        });
        return grants;
    }

    /** Runs {@code flow}; with mutated roles the flow may fail, which is the point: the usage says why. */
    private static RoleUsageLog run(Flow flow, Backend backend, Map<String, JsonNode> policies) {
        try (Scenario scenario = Scenario.withRolePolicies(flow.approval(), backend, flow.originalProfile(),
                flow.alarms(), policies)) {
            RoleUsageLog usage = scenario.twin.roleUsage();
            if (!policies.isEmpty()) {
                // One action is taken from one role, so the first denial is the one the run is for.
                scenario.stopWhen(() -> !usage.denials().isEmpty());
            }
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

    private static String awaitApproval(Scenario scenario) {
        scenario.runUntil(() -> !scenario.executions().isEmpty(), Duration.ofMinutes(1));
        String execution = scenario.executions().get(0).executionArn();
        scenario.runUntil(() -> scenario.approvalToken(execution).isPresent(), Duration.ofMinutes(30));
        return scenario.approvalToken(execution).orElseThrow();
    }

    static Map<String, JsonNode> synthesizedPolicies(Backend backend) {
        Map<String, JsonNode> policies = new TreeMap<>();
        JsonNode export = PipelineRoles.export(backend);
        export.get("roles").forEach(entry -> policies.put(entry.get("role").asText(), entry.get("policy")));
        policies.put(export.get("stateMachine").get("role").asText(), export.get("stateMachine").get("policy"));
        if (backend == Backend.codedeploy) {
            policies.put(Scenario.CODE_DEPLOY_ROLE, Scenario.codeDeployRolePolicy());
        }
        return policies;
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

    /** The policy without the statements granting {@code action} on {@code resource} alone. */
    static JsonNode without(JsonNode policy, String action, String resource) {
        ObjectNode copy = policy.deepCopy();
        ArrayNode statements = copy.putArray("Statement");
        for (JsonNode statement : policy.path("Statement")) {
            if (!(statement.path("Action").asText().equals(action)
                    && statement.path("Resource").asText().equals(resource))) {
                statements.add(statement);
            }
        }
        assertThat(statements.size()).as("a statement grants %s on %s alone", action, resource)
                .isLessThan(policy.path("Statement").size());
        return copy;
    }

    /** The bench's table: per role, granted, used by the flows (with resources), never used (with the reason kept). */
    static String report(Backend backend, Map<String, JsonNode> synthesized, Map<String, Map<String, Set<String>>> used) {
        Map<String, List<String>> policies = new TreeMap<>();
        synthesized.forEach((role, policy) -> policies.put(role, List.of(policy.toString())));
        return "IAM least privilege on " + backend + " (roles as synthesized, flows "
                + String.join(", ", FLOWS.stream().filter(f -> f.backends().contains(backend)).map(Flow::name).toList())
                + ")\n" + LeastPrivilegeReport.of(policies, used, KEPT).table();
    }
}
