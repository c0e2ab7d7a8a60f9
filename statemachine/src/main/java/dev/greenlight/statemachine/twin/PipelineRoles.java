package dev.greenlight.statemachine.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.deploy.CanaryConfigs;
import dev.greenlight.workers.steps.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's IAM roles exactly as the CDK app synthesizes them ({@code synthesized-roles.json},
 * exported and kept current by infra's {@code TwinRolesExportTest}, for the service {@code orders}
 * the twin's demo and scenarios run), created in the twin's IAM: each worker function's execution role
 * and the state machine's role, named by their logical ids, with the synthesized statements as one
 * inline policy. References to the pipeline stack's own resources become the twin's where it has them
 * (the state machine, the workers' functions and their {@code live} aliases); the others
 * ({@code {{LogicalId.Arn}}}: its log groups, its own approval topic) stay as written and so match no
 * ARN of the twin, which has no such resources.
 *
 * @param byHandler        each worker's role ARN, by the handler its function runs
 * @param stateMachineRole the role the state machine calls the workers as
 */
public record PipelineRoles(Map<String, String> byHandler, String stateMachineRole) {

    private static final String STATE_MACHINE_ARN = LocalAccount.arn("states",
            "stateMachine:" + PipelineOnTwin.STATE_MACHINE);
    /** The canary of {@code infra/src/test/resources/twin-scenarios.json}, as its deployment configuration. */
    private static final String SYNTHESIZED_CANARY = "Greenlight.Canary10Percent15Minutes";
    private static final String RESOURCE = "/dev/greenlight/statemachine/synthesized-roles%s.json";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"%s\"},\"Action\":\"sts:AssumeRole\"}]}";

    /** The roles synthesized for {@code orders} deployed by {@code backend}. */
    public static JsonNode export(Backend backend) {
        String resource = RESOURCE.formatted(backend == Backend.ecs ? "-ecs" : "");
        try (InputStream in = PipelineRoles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: run infra's TwinRolesExportTest");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The roles as synthesized, for {@code orders} deployed by {@code backend} with {@code canary}. */
    public static PipelineRoles install(LocalTwin twin, Backend backend, Canary canary) {
        return install(twin, backend, Map.of(), canary);
    }

    /**
     * Creates every role of {@code backend}'s export in {@code twin}'s IAM, with {@code policies} as their
     * documents by role where given (the mutation test's). The export was synthesized for a 10 % canary over
     * 15 minutes; another canary gets the deployment configuration the CDK app names after it
     * ({@link CanaryConfigs#name}), the one part of the roles that depends on it.
     */
    public static PipelineRoles install(LocalTwin twin, Backend backend, Map<String, JsonNode> policies,
            Canary canary) {
        JsonNode export = export(backend);
        Map<String, String> byHandler = new LinkedHashMap<>();
        for (JsonNode entry : export.get("roles")) {
            String arn = create(twin, entry, "lambda.amazonaws.com", policies, export, canary);
            byHandler.put(entry.get("handler").asText(), arn);
        }
        String stateMachineRole = export.has("stateMachine")
                ? create(twin, export.get("stateMachine"), "states.amazonaws.com", policies, export, canary)
                : null;
        return new PipelineRoles(Map.copyOf(byHandler), stateMachineRole);
    }

    public Optional<String> roleOf(String handler) {
        return Optional.ofNullable(byHandler.get(handler));
    }

    /** {@code inner}'s clients, each making its calls as its worker function's execution role. */
    public ClientDecorator enforced(LocalTwin twin, ClientDecorator inner) {
        return new ExecutionRoleClients(twin, this, inner);
    }

    private static String create(LocalTwin twin, JsonNode entry, String service, Map<String, JsonNode> policies,
            JsonNode export, Canary canary) {
        String role = entry.get("role").asText();
        JsonNode policy = policies.getOrDefault(role, entry.get("policy"));
        String arn = twin.iam().createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST.formatted(service)))
                .role().arn();
        if (policy.path("Statement").size() > 0) {
            String document = resolved(policy.toString(), export)
                    .replace(":deploymentconfig:" + SYNTHESIZED_CANARY + "\"", ":deploymentconfig:"
                            + CanaryConfigs.name(canary) + "\"");
            twin.iam().putRolePolicy(r -> r.roleName(role).policyName(role + "DefaultPolicy").policyDocument(document));
        }
        return arn;
    }

    /** {@code text} (a policy or one of its resources) with the stack's references as the twin's ARNs. */
    public static String resolved(Backend backend, String text) {
        return resolved(text, export(backend));
    }

    /** The stack's state machine and functions are the twin's; other references stay. */
    private static String resolved(String document, JsonNode export) {
        String resolved = document;
        for (Map.Entry<String, JsonNode> reference : (Iterable<Map.Entry<String, JsonNode>>) export.get("references")
                ::fields) {
            String id = reference.getKey();
            switch (reference.getValue().asText()) {
                case "AWS::StepFunctions::StateMachine" -> resolved = resolved.replace("{{" + id + "}}", STATE_MACHINE_ARN)
                        .replace("{{" + id + ".Arn}}", STATE_MACHINE_ARN)
                        .replace("{{" + id + ".Name}}", PipelineOnTwin.STATE_MACHINE);
                // An alias's Ref is its ARN; the twin's functions have the CDK app's "live" alias.
                case "AWS::Lambda::Alias" -> resolved = resolved.replace("{{" + id + "}}",
                        functionArn(export, id) + ":" + WorkerFunctions.ALIAS);
                case "AWS::Lambda::Function" -> resolved = resolved.replace("{{" + id + ".Arn}}", functionArn(export, id));
                default -> {
                }
            }
        }
        return resolved;
    }

    /** The twin's function that runs the handler the export gives for {@code id}. */
    private static String functionArn(JsonNode export, String id) {
        String handler = export.path("handlers").path(id).asText();
        Step step = Arrays.stream(Step.values()).filter(s -> s.handler().equals(handler)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no worker of the step catalogue runs " + handler));
        return LocalAccount.arn("lambda", "function:" + step.twinFunction());
    }
}
