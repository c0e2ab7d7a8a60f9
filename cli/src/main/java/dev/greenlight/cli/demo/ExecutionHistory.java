package dev.greenlight.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** An execution's history, oldest first, read for what the demo shows: where it is, and what it waits for. */
record ExecutionHistory(List<HistoryEvent> events) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ExecutionHistory read(SfnClient sfn, String executionArn) {
        List<HistoryEvent> events = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(r -> r.executionArn(executionArn)
                    .maxResults(1000).nextToken(token));
            events.addAll(page.events());
            next = page.nextToken();
        } while (next != null);
        return new ExecutionHistory(List.copyOf(events));
    }

    /** The state entered last; in a Parallel, the branch state entered last. */
    String currentState() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).stateEnteredEventDetails() != null) {
                return events.get(i).stateEnteredEventDetails().name();
            }
        }
        return "starting";
    }

    boolean entered(String state) {
        return events.stream().anyMatch(event -> event.stateEnteredEventDetails() != null
                && event.stateEnteredEventDetails().name().equals(state));
    }

    /**
     * The task token of a {@code .waitForTaskToken} task that has been scheduled and not answered, as
     * {@code greenlight approve} finds it: the pipeline passes it to RequestApproval as {@code Payload.taskToken}.
     */
    Optional<String> waitingTaskToken() {
        Map<Long, HistoryEvent> byId = new HashMap<>();
        String token = null;
        String waitingState = null;
        for (HistoryEvent event : events) {
            byId.put(event.id(), event);
            if (event.type() == HistoryEventType.TASK_SCHEDULED
                    && event.taskScheduledEventDetails().resource().endsWith(".waitForTaskToken")) {
                token = payloadToken(event.taskScheduledEventDetails().parameters());
                HistoryEvent entered = byId.get(event.previousEventId());
                waitingState = entered == null || entered.stateEnteredEventDetails() == null ? null
                        : entered.stateEnteredEventDetails().name();
            } else if (event.stateExitedEventDetails() != null
                    && event.stateExitedEventDetails().name().equals(waitingState)) {
                token = null;
                waitingState = null;
            }
        }
        return Optional.ofNullable(token);
    }

    private static String payloadToken(String parameters) {
        try {
            return JSON.readTree(parameters).path("Payload").path("taskToken").asText(null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a TaskScheduled event's parameters are not JSON: " + parameters, e);
        }
    }
}
