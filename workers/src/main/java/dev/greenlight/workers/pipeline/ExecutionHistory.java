package dev.greenlight.workers.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * An execution as Step Functions tells it: its description and every event of its history, all pages,
 * oldest first; what every face of Greenlight reads of a release (status, audit, demo, console).
 *
 * @param execution null for an execution not started yet (the demo looks before EventBridge delivered the push)
 */
public record ExecutionHistory(DescribeExecutionResponse execution, List<HistoryEvent> events) {

    /** Nothing yet: the execution does not exist (yet). */
    public static final ExecutionHistory NOT_STARTED = new ExecutionHistory(null, List.of());

    public static ExecutionHistory of(SfnClient sfn, String executionArn) {
        DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(executionArn));
        List<HistoryEvent> events = sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn)
                .includeExecutionData(true).maxResults(1000)).events().stream().toList();
        return new ExecutionHistory(execution, events);
    }

    /**
     * The definition the execution runs (DescribeStateMachineForExecution): its states' Retry policies.
     * A caller who may read executions but not definitions gets an empty definition: status then shows
     * no wait rather than failing.
     */
    public static JsonNode definition(SfnClient sfn, String executionArn) {
        try {
            return AuditReport.json(sfn.describeStateMachineForExecution(r -> r.executionArn(executionArn))
                    .definition());
        } catch (SfnException e) {
            if (e.awsErrorDetails() != null && "AccessDeniedException".equals(e.awsErrorDetails().errorCode())) {
                return MissingNode.getInstance();
            }
            throw e;
        }
    }

    /** The state entered last (in a Parallel, the branch state entered last); empty before the first. */
    public Optional<String> currentState() {
        List<String> path = path();
        return path.isEmpty() ? Optional.empty() : Optional.of(path.get(path.size() - 1));
    }

    /** Every state entered, in order, repeats included: the path taken so far. */
    public List<String> path() {
        List<String> path = new ArrayList<>();
        for (HistoryEvent event : events) {
            if (event.stateEnteredEventDetails() != null) {
                path.add(event.stateEnteredEventDetails().name());
            }
        }
        return path;
    }

    public boolean entered(String state) {
        return path().contains(state);
    }

    /** The task token of the manual approval that waits for an answer now, if one does. */
    public Optional<String> waitingApproval() {
        return WaitingApproval.token(events);
    }
}
