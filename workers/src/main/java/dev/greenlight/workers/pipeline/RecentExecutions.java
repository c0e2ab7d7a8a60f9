package dev.greenlight.workers.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/** The pipeline's recent executions, newest first as Step Functions lists them, each with its input's service. */
public final class RecentExecutions {

    /** How many executions are looked at when filtering: enough for months of releases. */
    public static final int MOST_EXAMINED = 1000;

    /**
     * One execution of the list, from its description and input.
     *
     * @param stopped null while it runs
     * @param error   the named error it ended with, or null
     */
    public record Row(String name, String executionArn, String status, Instant started, Instant stopped,
            String service, String repository, String tag, String error) {

        public String image() {
            return repository + ":" + tag;
        }
    }

    private RecentExecutions() {
    }

    /** At most {@code limit} rows that {@code wanted} keeps, of the {@link #MOST_EXAMINED} newest executions. */
    public static List<Row> list(SfnClient sfn, String stateMachineArn, int limit, Predicate<Row> wanted) {
        List<Row> rows = new ArrayList<>();
        int examined = 0;
        for (ExecutionListItem item : sfn.listExecutionsPaginator(r -> r.stateMachineArn(stateMachineArn)
                .maxResults(100)).executions()) {
            if (rows.size() == limit || examined++ == MOST_EXAMINED) {
                break;
            }
            DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(item.executionArn()));
            JsonNode input = AuditReport.json(execution.input());
            JsonNode image = input.path("image");
            Row row = new Row(item.name(), item.executionArn(), item.statusAsString(), item.startDate(),
                    item.stopDate(), input.path("service").asText("?"), image.path("repository").asText("?"),
                    image.path("tag").asText("-"), execution.error());
            if (wanted.test(row)) {
                rows.add(row);
            }
        }
        return rows;
    }
}
