package dev.greenlight.statemachine.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.statemachine.twin.PipelineOnTwin;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.deploy.CanaryConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The workers' roles as the CDK app synthesizes them ({@code synthesized-roles.json}, exported and
 * kept current by infra's {@code TwinRolesExportTest}), created in the twin's IAM: one role per
 * function, named by its logical id, with the synthesized statements as its one inline policy.
 * References to the pipeline stack's own resources become the twin's where it has them (the state
 * machine); the others ({@code {{LogicalId.Arn}}}: its log groups, its own approval topic) stay as
 * written and so match no ARN of the twin, which has no such resources.
 *
 * @param byHandler each worker's role ARN, by the handler its function runs
 */
record SynthesizedRoles(Map<String, String> byHandler, Map<String, JsonNode> policies) {

    private static final String STATE_MACHINE_ARN = "arn:aws:states:" + LocalAccount.REGION + ":" + LocalAccount.ID
            + ":stateMachine:" + PipelineOnTwin.STATE_MACHINE;
    /** The canary of {@code infra/src/test/resources/twin-scenarios.json}, as its deployment configuration. */
    private static final String SYNTHESIZED_CANARY = "Greenlight.Canary10Percent15Minutes";
    private static final String RESOURCE = "/dev/greenlight/statemachine/synthesized-roles%s.json";
    private static final String TRUST_LAMBDA = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    /** The roles synthesized for {@code orders} on CodeDeploy. */
    static JsonNode export() {
        return export(Backend.codedeploy);
    }

    /** The roles synthesized for {@code orders} deployed by {@code backend}. */
    static JsonNode export(Backend backend) {
        String resource = RESOURCE.formatted(backend == Backend.ecs ? "-ecs" : "");
        try (InputStream in = SynthesizedRoles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: run infra's TwinRolesExportTest");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates every role of {@code backend}'s export in {@code twin}'s IAM, with {@code policies} as their documents
     * by role where given. The export was synthesized for a 10 % canary over 15 minutes; a scenario
     * with another canary gets the deployment configuration the CDK app names after its canary
     * ({@link CanaryConfigs#name}), the one part of the roles that depends on it.
     */
    static SynthesizedRoles install(LocalTwin twin, Backend backend, Map<String, JsonNode> policies, Canary canary) {
        JsonNode export = export(backend);
        Map<String, String> byHandler = new LinkedHashMap<>();
        for (JsonNode entry : export.get("roles")) {
            String role = entry.get("role").asText();
            JsonNode policy = policies.getOrDefault(role, entry.get("policy"));
            String arn = twin.iam().createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST_LAMBDA)).role().arn();
            if (policy.path("Statement").size() > 0) {
                String document = resolved(policy.toString(), export.get("references"))
                        .replace(":deploymentconfig:" + SYNTHESIZED_CANARY + "\"", ":deploymentconfig:"
                                + CanaryConfigs.name(canary) + "\"");
                twin.iam().putRolePolicy(r -> r.roleName(role).policyName(role + "DefaultPolicy")
                        .policyDocument(document));
            }
            byHandler.put(entry.get("handler").asText(), arn);
        }
        return new SynthesizedRoles(Map.copyOf(byHandler), Map.copyOf(policies));
    }

    /** The pipeline's state machine is the twin's ({@link PipelineOnTwin#STATE_MACHINE}); other references stay. */
    private static String resolved(String document, JsonNode references) {
        String resolved = document;
        for (Map.Entry<String, JsonNode> reference : (Iterable<Map.Entry<String, JsonNode>>) references::fields) {
            if (reference.getValue().asText().equals("AWS::StepFunctions::StateMachine")) {
                String id = reference.getKey();
                resolved = resolved.replace("{{" + id + "}}", STATE_MACHINE_ARN).replace("{{" + id + ".Arn}}",
                        STATE_MACHINE_ARN).replace("{{" + id + ".Name}}", PipelineOnTwin.STATE_MACHINE);
            }
        }
        return resolved;
    }


    Optional<String> roleOf(String handler) {
        return Optional.ofNullable(byHandler.get(handler));
    }
}
