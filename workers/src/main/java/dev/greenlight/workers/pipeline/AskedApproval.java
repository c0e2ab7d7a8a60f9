package dev.greenlight.workers.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.workers.core.Worker;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * A manual approval as the execution's own events tell it: RequestApproval's scheduled event says when
 * people were asked, through which SNS topic (the service's {@code notifications.topicArn}), and until
 * when the task waits ({@code timeoutInSeconds}, from {@code approval.timeoutMinutes}); no answer by
 * then rolls the release back. Anyone whose AWS identity may call {@code states:SendTaskSuccess} and
 * {@code states:SendTaskFailure} answers it, as {@code greenlight approve} and {@code reject} do.
 *
 * @param topicArn   the topic the request was published to, or null when the input names none
 * @param timesOutAt null when the task has no timeout
 */
public record AskedApproval(String execution, Instant askedAt, Instant timesOutAt, String topicArn) {

    /** The approval waiting for an answer now, if one does. */
    public static Optional<AskedApproval> waiting(String execution, List<HistoryEvent> events) {
        return WaitingApproval.scheduled(events).map(event -> of(execution, event));
    }

    /** The approval the event asks for: RequestApproval's TaskScheduled. */
    static AskedApproval of(String execution, HistoryEvent scheduled) {
        JsonNode payload = WaitingApproval.parameters(scheduled).path("Payload");
        Long timeout = scheduled.taskScheduledEventDetails().timeoutInSeconds();
        int minutes = payload.path("config").path("approval").path("timeoutMinutes").asInt(0);
        Instant timesOutAt = timeout != null ? scheduled.timestamp().plusSeconds(timeout)
                : minutes > 0 ? scheduled.timestamp().plusSeconds(minutes * 60L) : null;
        return new AskedApproval(execution, scheduled.timestamp(), timesOutAt,
                payload.path("config").path("notifications").path("topicArn").asText(null));
    }

    public String approveCommand() {
        return "greenlight approve " + execution + " --reason TEXT";
    }

    public String rejectCommand() {
        return "greenlight reject " + execution + " --reason TEXT";
    }

    /** Who may answer, in a sentence. */
    public String approvers() {
        return "anyone whose AWS identity may call states:SendTaskSuccess and states:SendTaskFailure on this "
                + "pipeline" + (topicArn == null ? "" : "; asked through SNS topic " + topicArn);
    }

    /** What the audit report shows for the wait: what it waits for, who may answer, until when. */
    public JsonNode evidence() {
        ObjectNode evidence = Worker.JSON.createObjectNode()
                .put("waitsFor", "a person's answer: " + approveCommand() + ", or " + rejectCommand())
                .put("approvers", approvers());
        if (timesOutAt != null) {
            evidence.put("timesOutAt", timesOutAt + " (then it is rolled back)");
        }
        return evidence;
    }
}
