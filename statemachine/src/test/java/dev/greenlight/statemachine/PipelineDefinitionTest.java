package dev.greenlight.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.component.StateMachineType;
import dev.greenlight.local.asl.parse.DefinitionParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class PipelineDefinitionTest {

    private static final List<String> TRANSIENT = List.of("dev.greenlight.workers.core.TransientAwsError",
            "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
            "Lambda.TooManyRequestsException");

    @Test
    void definitionWithTwinFunctionNames_passesTheEnginesValidation() {
        assertThat(DefinitionParser.validate(PipelineDefinition.forTwin())).isEmpty();
    }

    @Test
    void rawDefinitionWithPlaceholders_passesAsTheCliValidatesIt() {
        assertThat(DefinitionParser.validate(PipelineDefinition.raw(), StateMachineType.STANDARD)).isEmpty();
    }

    @Test
    void expressWorkflows_areRefusedBecauseApprovalWaitsForATaskToken() {
        assertThat(DefinitionParser.validate(PipelineDefinition.forTwin(), StateMachineType.EXPRESS)).isNotEmpty();
    }

    @Test
    void everyPlaceholder_isAWorkerFunctionTheTwinAndTheCdkAppSubstitute() {
        assertThat(PipelineDefinition.placeholders(PipelineDefinition.raw()))
                .containsExactlyInAnyOrderElementsOf(PipelineDefinition.TWIN_FUNCTIONS.keySet());
        assertThat(PipelineDefinition.forTwin()).doesNotContain("${");
    }

    @Test
    void substitution_namesThePlaceholdersWithoutAValue() {
        assertThatThrownBy(() -> PipelineDefinition.substitute("{\"a\": \"${One}\", \"b\": \"${Two}\"}",
                Map.of("One", "fn-one")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[Two]");
        assertThat(PipelineDefinition.substitute("\"${One}\"", Map.of("One", "arn:aws:lambda:x:$1")))
                .isEqualTo("\"arn:aws:lambda:x:$1\"");
    }

    @Test
    void everyTask_invokesALambdaWithASubstitutedFunctionAndRetriesTransientErrors() {
        List<String> problems = new ArrayList<>();
        eachState((name, state) -> {
            if (!state.path("Type").asText().equals("Task")) {
                return;
            }
            if (!state.path("Resource").asText().startsWith("arn:aws:states:::lambda:invoke")) {
                problems.add(name + ": not a lambda:invoke task");
            }
            if (!state.path("Parameters").path("FunctionName").asText().matches("\\$\\{[A-Za-z]+Function}")) {
                problems.add(name + ": FunctionName is not a ${...Function} substitution");
            }
            if (!state.path("Parameters").has("Payload")) {
                problems.add(name + ": no Payload built from the state");
            }
            boolean retriesTransient = false;
            for (JsonNode retrier : state.path("Retry")) {
                List<String> errors = new ArrayList<>();
                retrier.path("ErrorEquals").forEach(error -> errors.add(error.asText()));
                if (errors.containsAll(TRANSIENT) && retrier.path("IntervalSeconds").asInt() == 2
                        && retrier.path("BackoffRate").asDouble() == 2 && retrier.path("MaxAttempts").asInt() == 10
                        && retrier.path("MaxDelaySeconds").asInt() == 60
                        && retrier.path("JitterStrategy").asText().equals("FULL")) {
                    retriesTransient = true;
                }
            }
            if (!retriesTransient) {
                problems.add(name + ": no Retry of transient errors (2 s, back-off 2, 5 attempts, full jitter)");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTaskFromStartDeploymentOn_catchesEveryErrorIntoTheRollbackPath() {
        List<String> beforeDeployment = List.of("NotifyStarted", "VerifyImage", "Preflight", "RegisterTaskDefinition");
        List<String> rollbackPath = List.of("DescribeStepFailure", "EnsureCause", "Rollback");
        List<String> afterRollbackStarted = List.of("Rollback", "WatchRollback", "NotifyRolledBack", "NotifySucceeded",
                "RequestApproval", "WatchDuringApproval", "DriveSyntheticLoadDuringApproval");
        List<String> problems = new ArrayList<>();
        eachState((name, state) -> {
            boolean isTaskOrParallel = state.path("Type").asText().equals("Task")
                    || state.path("Type").asText().equals("Parallel");
            if (!isTaskOrParallel || beforeDeployment.contains(name) || afterRollbackStarted.contains(name)) {
                return;
            }
            JsonNode last = state.path("Catch").path(state.path("Catch").size() - 1);
            if (!last.path("ErrorEquals").path(0).asText().equals("States.ALL")
                    || !rollbackPath.contains(last.path("Next").asText())) {
                problems.add(name + ": its last Catch must be States.ALL into the rollback path");
            }
        });
        assertThat(problems).isEmpty();
    }

    private static void eachState(BiConsumer<String, JsonNode> visit) {
        JsonNode definition = Json.parse(PipelineDefinition.raw());
        visitStates(definition.path("States"), visit);
    }

    private static void visitStates(JsonNode states, BiConsumer<String, JsonNode> visit) {
        states.fields().forEachRemaining(entry -> {
            visit.accept(entry.getKey(), entry.getValue());
            entry.getValue().path("Branches").forEach(branch -> visitStates(branch.path("States"), visit));
        });
    }
}
