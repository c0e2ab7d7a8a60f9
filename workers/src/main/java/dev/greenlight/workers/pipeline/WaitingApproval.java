package dev.greenlight.workers.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The task token a manual approval waits on, read from the history: RequestApproval's scheduled
 * parameters carry it ({@code Payload.taskToken}). It waits until its task is answered or times out,
 * or the approval's Parallel ends (an alarm stops it) or the execution does.
 */
public final class WaitingApproval {

    private static final Set<HistoryEventType> ANSWERED = Set.of(HistoryEventType.TASK_SUCCEEDED,
            HistoryEventType.TASK_FAILED, HistoryEventType.TASK_TIMED_OUT);
    private static final Set<HistoryEventType> ENDED = Set.of(HistoryEventType.PARALLEL_STATE_EXITED,
            HistoryEventType.PARALLEL_STATE_FAILED, HistoryEventType.PARALLEL_STATE_ABORTED,
            HistoryEventType.EXECUTION_SUCCEEDED, HistoryEventType.EXECUTION_FAILED,
            HistoryEventType.EXECUTION_ABORTED, HistoryEventType.EXECUTION_TIMED_OUT);

    private WaitingApproval() {
    }

    /** @return the token of the approval waiting now, if any */
    public static Optional<String> token(List<HistoryEvent> events) {
        return scheduled(events).map(event -> parameters(event).path("Payload").path("taskToken").asText());
    }

    /** @return RequestApproval's scheduled event of the approval waiting now, if any */
    public static Optional<HistoryEvent> scheduled(List<HistoryEvent> events) {
        HistoryEvent waiting = null;
        for (HistoryEvent event : events) {
            if (isRequest(event)) {
                waiting = event;
            } else if (ANSWERED.contains(event.type()) && isCallback(resource(event))) {
                waiting = null;
            } else if (ENDED.contains(event.type())) {
                waiting = null;
            }
        }
        return Optional.ofNullable(waiting);
    }

    /** Whether the event schedules a callback task that carries its task token: an approval's request. */
    static boolean isRequest(HistoryEvent event) {
        return event.type() == HistoryEventType.TASK_SCHEDULED
                && isCallback(event.taskScheduledEventDetails().resource())
                && parameters(event).path("Payload").hasNonNull("taskToken");
    }

    private static boolean isCallback(String resource) {
        return resource != null && resource.endsWith(".waitForTaskToken");
    }

    private static String resource(HistoryEvent event) {
        return switch (event.type()) {
            case TASK_SUCCEEDED -> event.taskSucceededEventDetails().resource();
            case TASK_FAILED -> event.taskFailedEventDetails().resource();
            case TASK_TIMED_OUT -> event.taskTimedOutEventDetails().resource();
            default -> null;
        };
    }

    static JsonNode parameters(HistoryEvent event) {
        String parameters = event.taskScheduledEventDetails().parameters();
        try {
            return parameters == null ? Worker.JSON.missingNode() : Worker.JSON.readTree(parameters);
        } catch (IOException e) {
            throw new UncheckedIOException("the history has a task whose parameters are not JSON", e);
        }
    }
}
