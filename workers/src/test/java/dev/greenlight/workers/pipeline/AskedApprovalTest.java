package dev.greenlight.workers.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** A manual approval as its execution's events tell it: until when, who may answer and how. */
class AskedApprovalTest {

    private static final Instant ASKED = Instant.parse("2026-01-01T00:04:50Z");
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:greenlight";
    private static final String REQUEST = """
            {"Payload": {"taskToken": "t-1", "config": {"approval": {"mode": "manual", "timeoutMinutes": 30},
              "notifications": {"topicArn": "%s"}}}}""".formatted(TOPIC);

    private final List<HistoryEvent> events = new ArrayList<>();

    @Test
    void theWaitingApproval_timesOutAfterItsTasksTimeout_andNamesTheTopicAndTheCommands() {
        entered(HistoryEventType.PARALLEL_STATE_ENTERED, "AwaitApproval");
        entered(HistoryEventType.TASK_STATE_ENTERED, "RequestApproval");
        requested(1800L);

        AskedApproval approval = AskedApproval.waiting("orders-2_0-abc", events).orElseThrow();

        assertThat(approval.askedAt()).isEqualTo(ASKED);
        assertThat(approval.timesOutAt()).isEqualTo(ASKED.plusSeconds(1800));
        assertThat(approval.topicArn()).isEqualTo(TOPIC);
        assertThat(approval.approveCommand()).isEqualTo("greenlight approve orders-2_0-abc --reason TEXT");
        assertThat(approval.rejectCommand()).isEqualTo("greenlight reject orders-2_0-abc --reason TEXT");
        assertThat(approval.approvers()).contains("states:SendTaskSuccess", "SNS topic " + TOPIC);
    }

    @Test
    void withoutATaskTimeoutInTheEvent_theConfigurationsTimeoutMinutesGiveTheDeadline() {
        requested(null);

        assertThat(AskedApproval.waiting("x", events)).get().extracting(AskedApproval::timesOutAt)
                .isEqualTo(ASKED.plusSeconds(30 * 60));
    }

    @Test
    void theAuditReportsAwaitApprovalRow_saysWhatItWaitsFor_whoMayAnswer_andUntilWhen() {
        add(HistoryEvent.builder().type(HistoryEventType.EXECUTION_STARTED).executionStartedEventDetails(d -> d
                .input("{\"service\": \"orders\"}")));
        entered(HistoryEventType.PARALLEL_STATE_ENTERED, "AwaitApproval");
        entered(HistoryEventType.TASK_STATE_ENTERED, "RequestApproval");
        requested(1800L);
        entered(HistoryEventType.TASK_STATE_ENTERED, "WatchDuringApproval");

        AuditReport report = AuditReport.of(new ExecutionHistory(DescribeExecutionResponse.builder()
                .name("orders-2_0-abc").status(ExecutionStatus.RUNNING).startDate(ASKED).build(), events));

        AuditReport.Step await = report.timeline().stream().filter(step -> step.state().equals("AwaitApproval"))
                .findFirst().orElseThrow();
        assertThat(await.evidence().path("waitsFor").asText()).isEqualTo("a person's answer: greenlight approve "
                + "orders-2_0-abc --reason TEXT, or greenlight reject orders-2_0-abc --reason TEXT");
        assertThat(await.evidence().path("approvers").asText()).contains(TOPIC);
        assertThat(await.evidence().path("timesOutAt").asText()).isEqualTo("2026-01-01T00:34:50Z (then it is rolled "
                + "back)");
    }

    private void requested(Long timeoutSeconds) {
        add(HistoryEvent.builder().type(HistoryEventType.TASK_SCHEDULED).taskScheduledEventDetails(d -> d
                .resource("arn:aws:states:::lambda:invoke.waitForTaskToken").resourceType("lambda")
                .region("us-east-1").parameters(REQUEST).timeoutInSeconds(timeoutSeconds)));
    }

    private void entered(HistoryEventType type, String state) {
        add(HistoryEvent.builder().type(type).stateEnteredEventDetails(d -> d.name(state)));
    }

    private void add(HistoryEvent.Builder event) {
        events.add(event.id((long) events.size() + 1).previousEventId((long) events.size()).timestamp(ASKED).build());
    }
}
