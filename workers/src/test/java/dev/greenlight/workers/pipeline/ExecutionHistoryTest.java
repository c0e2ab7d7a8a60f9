package dev.greenlight.workers.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** The history as every face reads it: where the execution is, the path so far, the approval it waits for. */
class ExecutionHistoryTest {

    private final List<HistoryEvent> events = new ArrayList<>();

    @Test
    void theCurrentState_isTheOneEnteredLast_andThePathEveryStateInOrder() {
        entered(HistoryEventType.TASK_STATE_ENTERED, "VerifyImage");
        entered(HistoryEventType.TASK_STATE_ENTERED, "StartDeployment");
        entered(HistoryEventType.TASK_STATE_ENTERED, "WatchCanary");
        entered(HistoryEventType.WAIT_STATE_ENTERED, "WaitCanary");
        entered(HistoryEventType.TASK_STATE_ENTERED, "WatchCanary");

        ExecutionHistory history = new ExecutionHistory(null, events);

        assertThat(history.currentState()).contains("WatchCanary");
        assertThat(history.path()).containsExactly("VerifyImage", "StartDeployment", "WatchCanary", "WaitCanary",
                "WatchCanary");
        assertThat(history.entered("Rollback")).isFalse();
        assertThat(ExecutionHistory.NOT_STARTED.currentState()).isEmpty();
    }

    @Test
    void anApproval_waitsFromItsScheduledCallbackTask_untilItIsAnswered() {
        entered(HistoryEventType.TASK_STATE_ENTERED, "RequestApproval");
        scheduled("arn:aws:states:::lambda:invoke.waitForTaskToken", "{\"Payload\": {\"taskToken\": \"t-1\"}}");

        assertThat(new ExecutionHistory(null, List.copyOf(events)).waitingApproval()).contains("t-1");

        add(HistoryEvent.builder().type(HistoryEventType.TASK_SUCCEEDED).taskSucceededEventDetails(d -> d
                .resource("arn:aws:states:::lambda:invoke.waitForTaskToken").resourceType("lambda").output("{}")));
        assertThat(new ExecutionHistory(null, events).waitingApproval()).isEmpty();
    }

    @Test
    void anApproval_stopsWaitingWhenItsParallelEnds_anAlarmHavingStoppedIt() {
        entered(HistoryEventType.PARALLEL_STATE_ENTERED, "AwaitApproval");
        scheduled("arn:aws:states:::lambda:invoke.waitForTaskToken", "{\"Payload\": {\"taskToken\": \"t-2\"}}");
        add(HistoryEvent.builder().type(HistoryEventType.PARALLEL_STATE_FAILED));

        assertThat(new ExecutionHistory(null, events).waitingApproval()).isEmpty();
    }

    @Test
    void aTaskWithoutCallback_isNotAnApproval() {
        scheduled("arn:aws:states:::lambda:invoke", "{\"Payload\": {\"taskToken\": \"t-3\"}}");

        assertThat(new ExecutionHistory(null, events).waitingApproval()).isEmpty();
    }

    private void entered(HistoryEventType type, String state) {
        add(HistoryEvent.builder().type(type).stateEnteredEventDetails(d -> d.name(state)));
    }

    private void scheduled(String resource, String parameters) {
        add(HistoryEvent.builder().type(HistoryEventType.TASK_SCHEDULED).taskScheduledEventDetails(d -> d
                .resource(resource).resourceType("lambda").region("us-east-1").parameters(parameters)));
    }

    private void add(HistoryEvent.Builder event) {
        events.add(event.id((long) events.size() + 1).previousEventId((long) events.size())
                .timestamp(Instant.EPOCH).build());
    }
}
