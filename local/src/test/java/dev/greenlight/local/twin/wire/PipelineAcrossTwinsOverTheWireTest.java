package dev.greenlight.local.twin.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.twin.DemoService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Flows that cross twins, driven over the wire as Greenlight's pipeline is: a state machine created
 * and started with the Step Functions SDK runs a Task on a Lambda function, and an EventBridge rule
 * put with the EventBridge SDK turns an ECR push into an execution.
 */
class PipelineAcrossTwinsOverTheWireTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/greenlight";
    private static final Duration FINISH = Duration.ofSeconds(20);

    private static ServedTwin served;
    private static String verifyImageArn;
    private static SfnClient sfn;
    private static EventBridgeClient events;

    @BeforeAll
    static void serve() {
        served = new ServedTwin();
        // The worker's code: in-process, as the twin runs Lambda functions.
        verifyImageArn = served.twin().lambda().register("verify-image", event -> Json.parse("""
                {"verified": true, "tag": "%s"}""".formatted(event.path("image").path("tag").asText())));
        // The state machine invokes its task as its role, which must allow it, as in AWS.
        served.pipelineRole("""
                {"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"%s"},
                {"Effect":"Allow","Action":"states:StartExecution","Resource":"*"}""".formatted(verifyImageArn));
        sfn = served.client(SfnClient.builder());
        events = served.client(EventBridgeClient.builder());
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void stateMachineStartedOverTheWireRunsItsLambdaTaskAndRecordsItInTheHistory() {
        String machine = createPipeline("wire-verify");

        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).name("orders-1-4-2")
                .input("{\"image\": {\"repository\": \"orders\", \"tag\": \"1.4.2\"}}")).executionArn();
        DescribeExecutionResponse done = finished(execution);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(done.output()).path("verification"))
                .isEqualTo(Json.parse("{\"verified\": true, \"tag\": \"1.4.2\"}"));
        List<HistoryEvent> history = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
        assertThat(history).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED,
                HistoryEventType.LAMBDA_FUNCTION_SCHEDULED, HistoryEventType.LAMBDA_FUNCTION_STARTED,
                HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(history.get(2).lambdaFunctionScheduledEventDetails().resource()).isEqualTo(verifyImageArn);
        assertThat(history).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void ecrPushMatchedByARulePutOverTheWireStartsThePipelineWithTheImage() {
        String machine = createPipeline("wire-on-push");
        events.putRule(r -> r.name("wire-orders-push").eventPattern("""
                {"source": ["aws.ecr"], "detail-type": ["ECR Image Action"],
                 "detail": {"action-type": ["PUSH"], "result": ["SUCCESS"], "repository-name": ["orders"]}}"""));
        events.putTargets(r -> r.rule("wire-orders-push").targets(t -> t.id("pipeline").arn(machine).roleArn(ROLE)
                .inputTransformer(i -> i
                        .inputPathsMap(Map.of("repo", "$.detail.repository-name", "tag", "$.detail.image-tag",
                                "digest", "$.detail.image-digest"))
                        .inputTemplate("""
                                {"service": "orders", "image": {"repository": <repo>, "tag": <tag>, "digest": <digest>},
                                 "trigger": {"source": "ecr-push", "by": "<aws.events.rule-name>"}}"""))));

        // A push has no wire form in the twin: DemoService pushes in-process, as `docker push` would.
        String image = DemoService.push(served.twin(), "orders", "1.1", "healthy");

        ExecutionListItem started = Polling.until(() -> sfn.listExecutions(r -> r.stateMachineArn(machine))
                .executions(), list -> !list.isEmpty(), FINISH, "an execution of " + machine).get(0);
        DescribeExecutionResponse done = finished(started.executionArn());
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode input = Json.parse(done.input());
        assertThat(input.path("image").path("tag").asText()).isEqualTo("1.1");
        assertThat(input.path("image").path("digest").asText()).isEqualTo(image.substring(image.indexOf('@') + 1));
        assertThat(input.path("trigger").path("by").asText()).isEqualTo("wire-orders-push");
        assertThat(Json.parse(done.output()).path("verification").path("tag").asText()).isEqualTo("1.1");
    }

    /** A one-step pipeline: VerifyImage on the Lambda function, its result kept beside the input. */
    private static String createPipeline(String name) {
        String definition = """
                {"StartAt": "VerifyImage", "States": {"VerifyImage": {"Type": "Task", "Resource": "%s",
                  "ResultPath": "$.verification", "End": true}}}""".formatted(verifyImageArn);
        return sfn.createStateMachine(r -> r.name(name).roleArn(ROLE).definition(definition)).stateMachineArn();
    }

    private static DescribeExecutionResponse finished(String executionArn) {
        return Polling.until(() -> sfn.describeExecution(r -> r.executionArn(executionArn)),
                execution -> execution.status() != ExecutionStatus.RUNNING, FINISH, executionArn + " to finish");
    }
}
