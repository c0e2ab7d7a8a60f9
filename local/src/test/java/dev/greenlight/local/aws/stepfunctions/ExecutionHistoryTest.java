package dev.greenlight.local.aws.stepfunctions;

import static dev.greenlight.local.aws.stepfunctions.StateMachinesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * GetExecutionHistory as the API reference describes it: events with ids, previousEventId, typed
 * detail objects; maxResults and nextToken paging, reverseOrder, includeExecutionData.
 */
class ExecutionHistoryTest {

    private final Twins twins = new Twins();
    private final String arn;

    ExecutionHistoryTest() {
        twins.lambda.register("double", event -> Json.NODES.numberNode(event.path("n").asInt() * 2));
        String machine = twins.machine("pipeline", Twins.quoted("""
                {'StartAt':'Double','States':{
                  'Double':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',
                    'Parameters':{'FunctionName':'double','Payload':{'n.$':'$.n'}},'OutputPath':'$.Payload','End':true}}}"""));
        arn = twins.sfn.startExecution(b -> b.stateMachineArn(machine).name("run").input("{\"n\":2}")).executionArn();
        twins.finish(arn);
    }

    @Test
    void history_hasTheEventTypesInOrderWithTypedDetails() {
        List<HistoryEvent> events = twins.sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
        assertThat(events).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_STARTED,
                HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(events).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events.get(1).previousEventId()).isEqualTo(1L);
        assertThat(events.get(0).timestamp()).isEqualTo(twins.clock.now());
        assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo("{\"n\":2}");
        assertThat(events.get(0).executionStartedEventDetails().roleArn()).isEqualTo(Twins.ROLE);
        assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("Double");
        assertThat(events.get(2).taskScheduledEventDetails().resourceType()).isEqualTo("lambda");
        assertThat(events.get(2).taskScheduledEventDetails().resource()).isEqualTo("invoke");
        assertThat(Json.parse(events.get(2).taskScheduledEventDetails().parameters()).path("FunctionName").asText())
                .isEqualTo("double");
        assertThat(Json.parse(events.get(4).taskSucceededEventDetails().output()).path("Payload").asInt()).isEqualTo(4);
        assertThat(events.get(6).executionSucceededEventDetails().output()).isEqualTo("4");
        assertThat(events.get(6).executionSucceededEventDetails().outputDetails().truncated()).isFalse();
    }

    @Test
    void pages_coverTheHistoryOnceInEitherOrder() {
        GetExecutionHistoryResponse first = twins.sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(3));
        GetExecutionHistoryResponse second = twins.sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(3)
                .nextToken(first.nextToken()));
        GetExecutionHistoryResponse third = twins.sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(3)
                .nextToken(second.nextToken()));
        assertThat(Stream.of(first, second, third).flatMap(page -> page.events().stream()).map(HistoryEvent::id))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(third.nextToken()).isNull();
        assertThat(twins.sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(true)).events())
                .extracting(HistoryEvent::id).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(twins.sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn).maxResults(2)).events())
                .hasSize(7);
    }

    @Test
    void withoutExecutionData_inputsAndOutputsAreLeftOut() {
        List<HistoryEvent> events = twins.sfn.getExecutionHistory(b -> b.executionArn(arn).includeExecutionData(false))
                .events();
        assertThat(events.get(0).executionStartedEventDetails().input()).isNull();
        assertThat(events.get(0).executionStartedEventDetails().roleArn()).isEqualTo(Twins.ROLE);
        assertThat(events.get(2).taskScheduledEventDetails().parameters()).isNull();
        assertThat(events.get(2).taskScheduledEventDetails().resource()).isEqualTo("invoke");
        assertThat(events.get(6).executionSucceededEventDetails().output()).isNull();
    }

    @Test
    void maxResultsOver1000_isRefused() {
        assertError(() -> twins.sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1001)),
                "ValidationException", null);
    }
}
