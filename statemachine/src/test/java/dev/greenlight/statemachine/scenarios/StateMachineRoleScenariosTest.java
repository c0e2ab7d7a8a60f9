package dev.greenlight.statemachine.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.aws.iam.enforcement.AuthorizationCheck;
import dev.greenlight.statemachine.twin.PipelineRoles;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The state machine invokes each worker as its own role, exactly as synthesized (lambda:InvokeFunction
 * on each worker's {@code live} alias): without the grant for one worker, the release fails at that
 * worker's Task with {@code Lambda.AWSLambdaException}, refused on the alias's ARN, and the worker never runs.
 */
class StateMachineRoleScenariosTest {

    @ParameterizedTest(name = "without the grant on {0}")
    @CsvSource({"VerifyImageLive, greenlight-verify-image", "PromoteLive, greenlight-promote"})
    void withoutItsInvokeGrant_aWorkersTaskFails_asStepFunctionsReportsAnAccessDenied(String alias,
            String function) {
        JsonNode export = PipelineRoles.export(Backend.codedeploy);
        String role = export.get("stateMachine").get("role").asText();
        String functionArn = "arn:aws:lambda:us-east-1:123456789012:function:" + function;
        List<AuthorizationCheck> checks = new CopyOnWriteArrayList<>();
        try (Scenario scenario = Scenario.withRolePolicies(ApprovalMode.auto, Backend.codedeploy, "healthy", true,
                Map.of(role, without(export.get("stateMachine").get("policy"), alias)))) {
            scenario.twin.iamEnforcement().onCheck(checks::add);
            scenario.push("2.0", "healthy");

            String execution = scenario.runToEnd().executionArn();

            assertThat(scenario.describe(execution).status()).isNotEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(scenario.taskErrors(execution)).contains("Lambda.AWSLambdaException");
            assertThat(scenario.history(execution)).filteredOn(e -> e.taskFailedEventDetails() != null
                            && e.taskFailedEventDetails().error().equals("Lambda.AWSLambdaException"))
                    .map(HistoryEvent::taskFailedEventDetails).first()
                    .satisfies(failed -> assertThat(failed.cause()).contains("assumed-role/" + role + "/",
                            "is not authorized to perform: lambda:InvokeFunction on resource: " + functionArn + ":live",
                            "Error Code: AccessDeniedException"));
            assertThat(checks).filteredOn(check -> role.equals(roleName(check)) && !check.decision().allowed())
                    .extracting(AuthorizationCheck::resource).containsOnly(functionArn + ":live");
            assertThat(checks).filteredOn(check -> role.equals(roleName(check)) && check.decision().allowed())
                    .as("the other workers are invoked as the role too").isNotEmpty();
        }
    }

    private static String roleName(AuthorizationCheck check) {
        String arn = check.caller().roleArn();
        return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** The policy without the statements granting on {@code {{alias...}}}. */
    private static JsonNode without(JsonNode policy, String alias) {
        ObjectNode copy = policy.deepCopy();
        ArrayNode statements = copy.putArray("Statement");
        policy.get("Statement").forEach(statement -> {
            if (!statement.path("Resource").toString().contains("{{" + alias)) {
                statements.add(statement);
            }
        });
        assertThat(statements.size()).as("a statement grants on %s", alias).isLessThan(policy.get("Statement").size());
        return copy;
    }
}
