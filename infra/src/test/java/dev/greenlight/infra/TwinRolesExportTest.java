package dev.greenlight.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Template;

/**
 * The workers' IAM roles exactly as the CDK app synthesizes them, for the services the twin's
 * scenarios run ({@code twin-scenarios.json} names what {@code DemoService} provisions; the
 * {@code -ecs} variant the same service on the ECS backend), kept in
 * {@code statemachine/src/main/resources/.../synthesized-roles[-ecs].json} where the scenarios load them
 * into the IAM twin. This test fails when the file no longer matches the synthesis; run it with
 * {@code GREENLIGHT_WRITE_ROLES=1} to rewrite the file. Intrinsics become text: the pseudo
 * parameters take the twin's account and region, references to the stack's own resources stay
 * {@code {{LogicalId}}} or {@code {{LogicalId.Attribute}}} for the loader to resolve,
 * {@code references} gives each such resource's type, and {@code handlers} the handler of each
 * function (or alias of one) referenced. {@code stateMachine} is the pipeline state machine's role
 * (its RoleArn), which Step Functions invokes the workers as.
 */
class TwinRolesExportTest {

    private static final Path EXPORTS = Synthesis.REPO.resolve(
            "statemachine/src/main/resources/dev/greenlight/statemachine");
    private static final Map<String, String> PSEUDO = Map.of("AWS::Partition", "aws", "AWS::Region", "us-east-1",
            "AWS::AccountId", "123456789012", "AWS::URLSuffix", "amazonaws.com");

    /** One export per backend: the ECS backend's workers are granted other actions (and the hook's role is added). */
    @ParameterizedTest
    @CsvSource({"twin-scenarios.json, synthesized-roles.json", "twin-scenarios-ecs.json, synthesized-roles-ecs.json"})
    void theExportedRolesAreTheSynthesizedOnes(String config, String file) throws Exception {
        Path exported = EXPORTS.resolve(file);
        // The twin provisions the demo service itself (DemoService), so only the pipeline stack is synthesized.
        Template pipeline = Synthesis.synthesize(Synthesis.inputs(
                Path.of("src/test/resources", config).toAbsolutePath(), null)).pipeline();
        ObjectNode export = Templates.JSON.createObjectNode();
        export.put("synthesizedFrom", "infra/src/test/resources/" + config);
        ArrayNode roles = export.putArray("roles");
        for (Map.Entry<String, JsonNode> function : Templates.resources(pipeline, "AWS::Lambda::Function")) {
            JsonNode properties = function.getValue().path("Properties");
            String role = Templates.target(properties.path("Role"));
            ObjectNode entry = roles.addObject();
            entry.put("role", role);
            entry.put("handler", properties.path("Handler").asText());
            entry.set("policy", policy(pipeline, role));
        }
        JsonNode machine = Templates.resources(pipeline, "AWS::StepFunctions::StateMachine").get(0).getValue();
        String machineRole = Templates.target(machine.path("Properties").path("RoleArn"));
        ObjectNode stateMachine = export.putObject("stateMachine");
        stateMachine.put("role", machineRole);
        stateMachine.set("policy", policy(pipeline, machineRole));
        ObjectNode references = export.putObject("references");
        ObjectNode handlers = export.putObject("handlers");
        JsonNode resources = Templates.json(pipeline).path("Resources");
        Matcher reference = Pattern.compile("\\{\\{([A-Za-z0-9]+)[.}]").matcher(roles.toString() + stateMachine);
        while (reference.find()) {
            JsonNode resource = resources.path(reference.group(1));
            references.put(reference.group(1), resource.path("Type").asText());
            // A function, or an alias of one, is the twin's function that runs the same handler.
            JsonNode function = resource.path("Type").asText().equals("AWS::Lambda::Alias")
                    ? resources.path(Templates.target(resource.path("Properties").path("FunctionName"))) : resource;
            if (function.path("Type").asText().equals("AWS::Lambda::Function")) {
                handlers.put(reference.group(1), function.path("Properties").path("Handler").asText());
            }
        }
        String written = Templates.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(export) + "\n";

        if ("1".equals(System.getenv("GREENLIGHT_WRITE_ROLES")) || !Files.exists(exported)) {
            Files.createDirectories(exported.getParent());
            Files.writeString(exported, written);
        }
        assertThat(Files.readString(exported)).as("%s is out of date: run this test with GREENLIGHT_WRITE_ROLES=1", exported)
                .isEqualTo(written);
    }

    /** The statements of the policies attached to {@code role}, their intrinsics made text. */
    private static ObjectNode policy(Template pipeline, String role) {
        ObjectNode policy = Templates.JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        Templates.statementsOfRole(pipeline, role).forEach(statement -> statements.add(text(statement)));
        return policy;
    }

    /** {@code node} with its intrinsic functions made text. */
    private static JsonNode text(JsonNode node) {
        if (node.isObject() && node.size() == 1 && (node.has("Fn::Join") || node.has("Ref") || node.has("Fn::GetAtt"))) {
            return Templates.JSON.getNodeFactory().textNode(intrinsic(node));
        }
        if (node.isObject()) {
            ObjectNode copy = Templates.JSON.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), text(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Templates.JSON.createArrayNode();
            node.forEach(element -> copy.add(text(element)));
            return copy;
        }
        return node;
    }

    private static String intrinsic(JsonNode node) {
        if (node.has("Ref")) {
            String ref = node.get("Ref").asText();
            return PSEUDO.getOrDefault(ref, "{{" + ref + "}}");
        }
        if (node.has("Fn::GetAtt")) {
            return "{{" + node.get("Fn::GetAtt").path(0).asText() + "." + node.get("Fn::GetAtt").path(1).asText() + "}}";
        }
        StringBuilder joined = new StringBuilder();
        String separator = node.get("Fn::Join").path(0).asText();
        JsonNode parts = node.get("Fn::Join").path(1);
        for (int i = 0; i < parts.size(); i++) {
            joined.append(i == 0 ? "" : separator).append(parts.get(i).isTextual() ? parts.get(i).asText()
                    : intrinsic(parts.get(i)));
        }
        return joined.toString();
    }
}
