package dev.greenlight.cli.history;

import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * An execution as GetExecutionHistory tells it: its description and every event, all pages, oldest first.
 */
public record ExecutionHistory(DescribeExecutionResponse execution, List<HistoryEvent> events) {

    public static ExecutionHistory of(SfnClient sfn, String executionArn) {
        DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(executionArn));
        List<HistoryEvent> events = sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn)
                .includeExecutionData(true).maxResults(1000)).events().stream().toList();
        return new ExecutionHistory(execution, events);
    }
}
