package dev.greenlight.local.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.LocalRun;
import dev.greenlight.local.asl.task.LocalIntegrations;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {

    @Test
    void passWaitAndTaskRunToSuccess() {
        String definition = """
                {"StartAt": "P", "States": {
                  "P": {"Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.r", "Next": "W"},
                  "W": {"Type": "Wait", "Seconds": 3600, "Next": "T"},
                  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "double", "Payload.$": "$.r"},
                        "ResultSelector": {"v.$": "$.Payload.x"}, "ResultPath": "$.t", "End": true}}}
                """;
        LocalIntegrations integrations = new LocalIntegrations()
                .function("double", event -> Json.NODES.objectNode().put("x", event.get("x").intValue() * 2));
        Execution execution = LocalRun.run(definition, Json.parse("{\"a\": true}"), integrations);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.write(execution.output())).isEqualTo("{\"a\":true,\"r\":{\"x\":1},\"t\":{\"v\":2}}");
        assertThat(execution.history().events()).extracting(HistoryEvent::type).containsExactly(
                "ExecutionStarted", "PassStateEntered", "PassStateExited", "WaitStateEntered", "WaitStateExited",
                "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
                "ExecutionSucceeded");
        assertThat(java.time.Duration.between(execution.startDate(), execution.stopDate())).hasHours(1);
    }

    @Test
    void retryThenCatchRoutesToFallback() {
        String definition = """
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:boom",
                        "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}],
                        "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err", "Next": "F"}], "End": true},
                  "F": {"Type": "Pass", "End": true}}}
                """;
        int[] calls = {0};
        LocalIntegrations integrations = new LocalIntegrations().function("boom", event -> {
            calls[0]++;
            throw new IllegalStateException("nope");
        });
        Execution execution = LocalRun.run(definition, Json.parse("{}"), integrations);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(calls[0]).isEqualTo(3);
        assertThat(execution.output().path("err").path("Error").asText()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void parallelAndMapCollectResultsInOrder() {
        String definition = """
                {"StartAt": "Par", "States": {
                  "Par": {"Type": "Parallel", "Next": "M", "Branches": [
                     {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1, "End": true}}},
                     {"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 5, "Next": "B2"},
                                                 "B2": {"Type": "Pass", "Result": 2, "End": true}}}]},
                  "M": {"Type": "Map", "MaxConcurrency": 1, "ItemProcessor": {"StartAt": "I",
                        "States": {"I": {"Type": "Pass", "End": true}}}, "End": true}}}
                """;
        Execution execution = LocalRun.run(definition, Json.parse("{}"), new LocalIntegrations());
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.write(execution.output())).isEqualTo("[1,2]");
    }
}
